package org.factlab.runs;

import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code metric} table: one row per (run, series, step), upserted so a repeated step replaces. */
@Repository
public class MetricRepository {

    private static final String INSERT = "INSERT INTO metric (run_id, series, step, val) VALUES (?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE metric SET val = ? WHERE run_id = ? AND series = ? AND step = ?";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public MetricRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Stores all values of one step in a single committed transaction; a point that exists already (a repeated
     * step) is replaced. Plain inserts are the fast path: an upsert statement lets H2 plan through the run_id
     * index and scan the whole run on every step.
     */
    public void upsert(String runId, long step, Map<String, Double> values) {
        List<Object[]> rows = values.entrySet().stream()
                .map(e -> new Object[] {runId, e.getKey(), step, e.getValue()})
                .toList();
        try {
            tx.executeWithoutResult(s -> jdbcTemplate.batchUpdate(INSERT, rows));
        } catch (DuplicateKeyException repeatedStep) {
            tx.executeWithoutResult(s -> rows.forEach(r -> {
                if (jdbcTemplate.update(UPDATE, r[3], r[0], r[1], r[2]) == 0) {
                    jdbcTemplate.update(INSERT, r);
                }
            }));
        }
    }

    /** Deletes every value of these steps of a run (thinning, {@link StepThinning}). */
    public void deleteSteps(String runId, List<Long> steps) {
        jdbc.sql("DELETE FROM metric WHERE run_id = :id AND step IN (:steps)")
                .param("id", runId)
                .param("steps", steps)
                .update();
    }

    /** Every point of a run, ordered by series then step. */
    public List<MetricPoint> points(String runId) {
        return jdbc.sql("SELECT series, step, val FROM metric WHERE run_id = :id ORDER BY series, step")
                .param("id", runId)
                .query((rs, i) -> new MetricPoint(rs.getString(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /** The points of a run at {@code fromStep} and later, ordered by step then series. */
    public List<MetricPoint> pointsFrom(String runId, long fromStep) {
        return jdbc.sql("SELECT series, step, val FROM metric WHERE run_id = :id AND step >= :from ORDER BY step, "
                        + "series")
                .param("id", runId)
                .param("from", fromStep)
                .query((rs, i) -> new MetricPoint(rs.getString(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /** The latest step with a point, or −1. */
    public long lastStep(String runId) {
        Long last = jdbc.sql("SELECT MAX(step) FROM metric WHERE run_id = :id")
                .param("id", runId)
                .query(Long.class)
                .single();
        return last == null ? -1 : last;
    }

    public long count(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM metric WHERE run_id = :id")
                .param("id", runId)
                .query(Long.class)
                .single();
    }
}
