package org.factlab.access;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.springframework.stereotype.Service;

/**
 * Read-only share links. A token is 192 bits from {@link SecureRandom}, URL-safe base64 without padding (32
 * characters); it opens its target without an account until revoked. An unknown, malformed or revoked token
 * resolves to nothing, and callers answer 404 without saying which.
 */
@Service
public class ShareService {

    static final int TOKEN_BYTES = 24;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShareRepository shares;
    private final RunService runs;
    private final StudyService studies;
    private final CurrentUser user;

    public ShareService(ShareRepository shares, RunService runs, StudyService studies, CurrentUser user) {
        this.shares = shares;
        this.runs = runs;
        this.studies = studies;
        this.user = user;
    }

    /** A new link to the run, created by the current account. */
    public Share shareRun(Run run) {
        return share(Share.RUN, run.id());
    }

    /** A new link to the study, created by the current account. */
    public Share shareStudy(StudyRuns study) {
        return share(Share.STUDY, study.study().id());
    }

    private Share share(String targetType, String targetId) {
        Share share = new Share(
                newToken(), targetType, targetId, Instant.now(), user.name().orElse(null), null);
        shares.insert(share);
        return share;
    }

    public Optional<Share> findActive(String token) {
        return token != null && TOKEN.matcher(token).matches() ? shares.findActive(token) : Optional.empty();
    }

    /** The run an active link of type {@link Share#RUN} opens. */
    public Optional<Run> sharedRun(String token) {
        return findActive(token).filter(s -> Share.RUN.equals(s.targetType())).flatMap(s -> runs.find(s.targetId()));
    }

    /** The study an active link of type {@link Share#STUDY} opens. */
    public Optional<StudyRuns> sharedStudy(String token) {
        return findActive(token)
                .filter(s -> Share.STUDY.equals(s.targetType()))
                .flatMap(s -> studies.find(s.targetId()));
    }

    /** Whether the token is an active link whose run or study still exists. */
    public boolean opensSomething(String token) {
        return sharedRun(token).isPresent() || sharedStudy(token).isPresent();
    }

    /**
     * The target's links that still work, oldest first; {@code targetType} is {@link Share#RUN} or {@link Share#STUDY}.
     */
    public List<Share> activeShares(String targetType, String targetId) {
        return shares.active(targetType, targetId);
    }

    /** False when the link was unknown or already revoked. */
    public boolean revoke(Share share) {
        return shares.revoke(share.token(), Instant.now());
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
