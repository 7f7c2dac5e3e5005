package org.factlab.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code share} table (V3). */
@Repository
class ShareRepository {

    private final JdbcClient jdbc;

    ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Share share) {
        jdbc.sql("""
                INSERT INTO share (token, target_type, target_id, created_at, created_by)
                VALUES (:token, :type, :target, :created, :by)""")
                .param("token", share.token())
                .param("type", share.targetType())
                .param("target", share.targetId())
                .param("created", utc(share.createdAt()))
                .param("by", share.createdBy())
                .update();
    }

    /** The share with this token unless it was revoked. */
    Optional<Share> findActive(String token) {
        return jdbc.sql("SELECT * FROM share WHERE token = :token AND revoked_at IS NULL")
                .param("token", token)
                .query(ShareRepository::map)
                .optional();
    }

    /** The target's links that still work, oldest first. */
    List<Share> active(String targetType, String targetId) {
        return jdbc.sql("""
                SELECT * FROM share WHERE target_type = :type AND target_id = :target AND revoked_at IS NULL
                ORDER BY created_at, token""")
                .param("type", targetType)
                .param("target", targetId)
                .query(ShareRepository::map)
                .list();
    }

    /** False when the token is unknown or already revoked. */
    boolean revoke(String token, Instant at) {
        return jdbc.sql("UPDATE share SET revoked_at = :at WHERE token = :token AND revoked_at IS NULL")
                        .param("token", token)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Removes every link of a target, revoked or not (its run or study is being deleted). */
    void deleteAll(String targetType, String targetId) {
        jdbc.sql("DELETE FROM share WHERE target_type = :type AND target_id = :target")
                .param("type", targetType)
                .param("target", targetId)
                .update();
    }

    private static Share map(ResultSet rs, int row) throws SQLException {
        return new Share(
                rs.getString("token"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
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
