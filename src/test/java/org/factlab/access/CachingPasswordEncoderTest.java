package org.factlab.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Repeated right passwords cost one bcrypt check per minute; wrong ones cost one each time. */
class CachingPasswordEncoderTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final String hash = bcrypt.encode("right");
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final CachingPasswordEncoder encoder = new CachingPasswordEncoder(counting, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aRightPasswordIsCheckedOncePerMinute() {
        for (int i = 0; i < 16; i++) {
            assertTrue(encoder.matches("right", hash));
        }
        assertEquals(1, checks.get());
        now = now.plus(CachingPasswordEncoder.TTL).plus(Duration.ofSeconds(1));
        assertTrue(encoder.matches("right", hash));
        assertEquals(2, checks.get());
    }

    @Test
    void wrongPasswordsAndOtherHashesAreAlwaysChecked() {
        assertTrue(encoder.matches("right", hash));
        for (int i = 0; i < 3; i++) {
            assertFalse(encoder.matches("wrong", hash));
        }
        assertFalse(encoder.matches("right", bcrypt.encode("changed")), "a new hash in the configuration");
        assertEquals(5, checks.get());
    }
}
