package org.factlab.access;

import java.time.Instant;

/**
 * A read-only link {@code /s/{token}} to one target. {@code targetType} is {@link #RUN} for now; a study can be
 * shared later through the same table with another type.
 */
public record Share(String token, String targetType, String targetId, Instant createdAt, String createdBy,
                    Instant revokedAt) {

    public static final String RUN = "run";

    /** The link, relative to the server: {@code /s/<token>}. */
    public String url() {
        return "/s/" + token;
    }
}
