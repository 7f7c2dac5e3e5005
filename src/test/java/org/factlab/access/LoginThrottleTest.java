package org.factlab.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Failed logins slow down their account at their address, with a delay doubling per failure, never the account
 * elsewhere; account names are one account whatever their case.
 */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void failuresDelayTheAccountAtTheirAddressOnlyWithADoublingWait() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.recordFailure("ada", "10.0.0.9");
        }
        assertEquals(Duration.ZERO, throttle.wait("ada", "10.0.0.9"), "a few mistakes cost nothing");
        throttle.recordFailure("ada", "10.0.0.9");
        assertEquals(LoginThrottle.FIRST_DELAY, throttle.wait("ada", "10.0.0.9"));
        assertEquals(Duration.ZERO, throttle.wait("ada", "10.0.0.1"), "the owner elsewhere is not held up");
        assertEquals(Duration.ZERO, throttle.wait("bob", "10.0.0.9"), "nor other accounts at that address");
        throttle.recordFailure("ADA", "10.0.0.9");
        assertEquals(LoginThrottle.FIRST_DELAY.multipliedBy(2), throttle.wait("Ada", "10.0.0.9"), "one account");
        now = now.plus(Duration.ofSeconds(45));
        assertEquals(Duration.ofSeconds(15), throttle.wait("ada", "10.0.0.9"));
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("ada", "10.0.0.9");
        }
        assertEquals(LoginThrottle.MAX_DELAY, throttle.wait("ada", "10.0.0.9"), "the wait is capped");
        now = now.plus(LoginThrottle.MAX_DELAY);
        assertEquals(Duration.ZERO, throttle.wait("ada", "10.0.0.9"));
        throttle.recordFailure("ada", "10.0.0.9");
        assertEquals(Duration.ZERO, throttle.wait("ada", "10.0.0.9"), "counting starts afresh");
    }

    @Test
    void guessingFromManyAddressesDelaysNewAddressesButNotTheOwnersOwn() {
        throttle.recordSuccess("ada", "10.0.0.1");
        for (int i = 0; i < LoginThrottle.FREE_UNKNOWN_ADDRESS_FAILURES; i++) {
            throttle.recordFailure("ada", "192.0.2." + i);
        }
        assertEquals(LoginThrottle.FIRST_DELAY, throttle.wait("ada", "198.51.100.7"), "a new address waits");
        assertEquals(Duration.ZERO, throttle.wait("ADA", "10.0.0.1"), "where ada signed in before, she does not");
        assertEquals(Duration.ZERO, throttle.wait("bob", "198.51.100.7"), "nor do other accounts");
    }

    @Test
    void anAddressTryingManyAccountsIsDelayedForAll() {
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            throttle.recordFailure("user" + i, "10.0.0.7");
        }
        assertEquals(LoginThrottle.FIRST_DELAY, throttle.wait("someone", "10.0.0.7"));
        assertEquals(Duration.ZERO, throttle.wait("someone", "10.0.0.8"));
    }
}
