package org.factlab.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The brute-force limit: after {@link #MAX_FAILURES} failed logins for one account, or from one client address,
 * within {@link #WINDOW}, further logins for it are answered 429 until the oldest of those failures is older than
 * the window ({@link LoginThrottleFilter}). Counts HTTP basic and form logins alike; each block is logged.
 */
@Component
public class LoginThrottle {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** Beyond this many keys, those without a failure in the window are dropped. */
    private static final int MAX_KEYS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Object details = event.getAuthentication().getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        recordFailure(event.getAuthentication().getName(), address);
    }

    void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        for (String key : keys(account, address)) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
                if (times.size() == MAX_FAILURES) {
                    log.warn("login blocked for {}: {} failed logins within {} min", key, MAX_FAILURES,
                            WINDOW.toMinutes());
                }
            }
        }
    }

    /** Whether a login for {@code account} from {@code address} must be refused now (either may be null). */
    public boolean blocked(String account, String address) {
        Instant now = clock.instant();
        for (String key : keys(account, address)) {
            Deque<Instant> times = failures.get(key);
            if (times != null) {
                synchronized (times) {
                    prune(times, now);
                    if (times.size() >= MAX_FAILURES) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String[] keys(String account, String address) {
        return java.util.stream.Stream.of(account == null || account.isEmpty() ? null : "account " + account,
                address == null ? null : "address " + address).filter(k -> k != null).toArray(String[]::new);
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }
}
