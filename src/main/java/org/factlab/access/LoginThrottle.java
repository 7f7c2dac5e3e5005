package org.factlab.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The brute-force brake, fair to an account's owner: failed logins are counted per account <em>and</em> client
 * address together (account names compared case-insensitively, as logins are), and per address alone. After
 * {@link #FREE_FAILURES} failures of one account from one address, a login for it from that address must wait
 * {@link #FIRST_DELAY} after the last failure, a delay that doubles with every further failure up to
 * {@link #MAX_DELAY}; an address with {@link #FREE_ADDRESS_FAILURES} failures for any accounts waits likewise.
 * Logins from other addresses are not held up, so nobody can lock another person out of an account. Against guessing
 * from many addresses, an account's failures from addresses it never signed in from are also counted together:
 * after {@link #FREE_UNKNOWN_ADDRESS_FAILURES} of them, logins for it from such addresses wait the same way, while
 * addresses it signed in from before (since the start) are not held up. Counts are forgotten {@link #MAX_DELAY}
 * after their last failure, and a successful login clears its account's count at its address. Answered 429 by
 * {@link LoginThrottleFilter}; the first delay of each count is logged.
 */
@Component
public class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final int FREE_ADDRESS_FAILURES = 20;
    public static final int FREE_UNKNOWN_ADDRESS_FAILURES = 50;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Beyond this many counts, those older than {@link #MAX_DELAY} are dropped. */
    private static final int MAX_KEYS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Failures of one key and the time of the last one. */
    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** Account-and-address pairs that signed in successfully. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        recordSuccess(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    void recordSuccess(String account, String address) {
        if (address != null) {
            failures.remove(pairKey(account, address));
            if (known.size() > MAX_KEYS) {
                known.clear();
            }
            known.add(pairKey(account, address));
        }
    }

    void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> f.last().plus(MAX_DELAY).isBefore(now));
        }
        if (address == null) {
            return;
        }
        count(pairKey(account, address), FREE_FAILURES, now);
        count("address " + address, FREE_ADDRESS_FAILURES, now);
        if (!known.contains(pairKey(account, address))) {
            count(unknownKey(account), FREE_UNKNOWN_ADDRESS_FAILURES, now);
        }
    }

    private void count(String key, int free, Instant now) {
        Failures f = failures.compute(
                key, (k, old) -> new Failures(old == null || expired(old, now) ? 1 : old.count() + 1, now));
        if (f.count() == free) {
            log.warn("login delayed for {}: {} failed logins", key, free);
        }
    }

    /**
     * How long a login for {@code account} from {@code address} must still wait; zero when it may go ahead. Without
     * an address nothing is counted, and nothing waits.
     */
    public Duration wait(String account, String address) {
        if (address == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Duration wait = remaining(failures.get(pairKey(account, address)), FREE_FAILURES, now);
        wait = longer(wait, remaining(failures.get("address " + address), FREE_ADDRESS_FAILURES, now));
        if (!known.contains(pairKey(account, address))) {
            wait = longer(wait, remaining(failures.get(unknownKey(account)), FREE_UNKNOWN_ADDRESS_FAILURES, now));
        }
        return wait;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration remaining(Failures f, int free, Instant now) {
        if (f == null || f.count() < free || expired(f, now)) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(30, f.count() - free));
        Duration wait = Duration.between(now, f.last().plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static boolean expired(Failures f, Instant now) {
        return !f.last().plus(MAX_DELAY).isAfter(now);
    }

    private static String unknownKey(String account) {
        return "account " + (account == null ? "" : account.toLowerCase(Locale.ROOT)) + " from addresses it never "
                + "signed in from";
    }

    private static String pairKey(String account, String address) {
        return "account " + (account == null ? "" : account.toLowerCase(Locale.ROOT)) + " from " + address;
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
