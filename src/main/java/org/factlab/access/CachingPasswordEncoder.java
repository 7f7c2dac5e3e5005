package org.factlab.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bcrypt encoder that remembers successful checks for {@link #TTL}, so that a script sending HTTP basic credentials
 * on every call pays one bcrypt check per {@link #TTL}, not one per call (bcrypt-12 takes a quarter of a second of a
 * core). Only a salted SHA-256 of the password and its hash is kept, in memory, never the password; failed checks
 * are never remembered, so guessing still costs a full check each time (and is slowed by {@link LoginThrottle}). A
 * changed hash (a new password in the configuration) no longer matches what was remembered.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

    static final Duration TTL = Duration.ofSeconds(60);
    /** More remembered checks than this: the expired ones are dropped, then all if need be. */
    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    CachingPasswordEncoder(PasswordEncoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verified.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(u -> !now.isBefore(u));
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(key, now.plus(TTL));
        } else {
            verified.remove(key);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String key(CharSequence raw, String encoded) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(encoded.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
