package org.factlab.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens ({@code api_token}, V8): a secret of 256 random bits, shown once when it is created, kept only
 * as its SHA-256 (a random secret needs no slow hash); a call with {@code Authorization: Bearer <secret>} acts as its
 * owner with the owner's current role ({@link BearerTokenFilter}). Revoked tokens stay listed and no longer work.
 */
@Service
public class ApiTokens {

    /** The secret's prefix, so that a leaked token is recognisable (e.g. by secret scanners). */
    static final String PREFIX = "factlab_";

    private static final int MAX_NAME = 100;
    private static final int MAX_TOKENS = 100;
    /** Last use is written at most this often per token (a script makes many calls a second). */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** A new token and its secret, which is not stored and cannot be shown again. */
    public record Created(ApiToken token, String secret) {}

    /**
     * Creates a token for {@code owner}. {@code name}: 1–100 characters ({@link IllegalArgumentException} naming the
     * field otherwise); an account has at most 100 tokens that work.
     */
    public Created create(String owner, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: '" + clean + "' is not a token name; allowed: 1–" + MAX_NAME
                    + " characters without control characters");
        }
        long working = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE owner = :owner AND revoked_at IS NULL")
                .param("owner", owner)
                .query(Long.class)
                .single();
        if (working >= MAX_TOKENS) {
            throw new IllegalArgumentException("name: " + owner + " already has " + working + " tokens; allowed: at "
                    + "most " + MAX_TOKENS + " (revoke some)");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(randomId(), owner, clean, clock.instant(), null, null);
        jdbc.sql("""
                INSERT INTO api_token (id, owner, name, secret_hash, created_at)
                VALUES (:id, :owner, :name, :hash, :created)""")
                .param("id", token.id())
                .param("owner", owner)
                .param("name", clean)
                .param("hash", hash(secret))
                .param("created", utc(token.created()))
                .update();
        return new Created(token, secret);
    }

    /** The owner's tokens, newest first, revoked ones included. */
    public List<ApiToken> list(String owner) {
        return jdbc.sql("SELECT * FROM api_token WHERE owner = :owner ORDER BY created_at DESC, id")
                .param("owner", owner)
                .query(ApiTokens::map)
                .list();
    }

    /** False when {@code owner} has no working token {@code id}. */
    public boolean revoke(String owner, String id) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = :at WHERE id = :id AND owner = :owner AND revoked_at IS NULL""")
                        .param("at", utc(clock.instant()))
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /** The owner of a working token with this secret (its last use noted); empty for an unknown or revoked one. */
    Optional<String> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = jdbc.sql("SELECT * FROM api_token WHERE secret_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash(secret))
                .query(ApiTokens::map)
                .optional();
        token.ifPresent(this::noteUse);
        return token.map(ApiToken::owner);
    }

    private void noteUse(ApiToken token) {
        Instant now = clock.instant();
        if (token.lastUsed() == null
                || token.lastUsed().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id")
                    .param("at", utc(now))
                    .param("id", token.id())
                    .update();
        }
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String randomId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getString("owner"),
                rs.getString("name"),
                instant(rs, "created_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
