package org.factlab.access;

import java.time.Instant;

/**
 * A personal API token as lists show it: never its secret, which only its SHA-256 in the database can check.
 *
 * @param id       16 random characters, used to revoke it
 * @param lastUsed the last call made with it; null when never used
 * @param revoked  when it was revoked; null while it works
 */
public record ApiToken(String id, String owner, String name, Instant created, Instant lastUsed, Instant revoked) {}
