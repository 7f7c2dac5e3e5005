package org.factlab.access;

import java.time.Instant;

/**
 * A read-only link {@code /s/{token}} to one target: a run ({@link #RUN}) or a study ({@link #STUDY}).
 */
public record Share(
        String token, String targetType, String targetId, Instant createdAt, String createdBy, Instant revokedAt) {

    public static final String RUN = "run";
    public static final String STUDY = "study";

    /** The link, relative to the server: {@code /s/<token>}. */
    public String url() {
        return "/s/" + token;
    }
}
