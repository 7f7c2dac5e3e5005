package org.factlab.runs;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code metric} table: one row per (run, series, step), upserted so a repeated step replaces. */
@Repository
public class MetricRepository {

    private static final String UPSERT = """
            MERGE INTO metric m USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(200)), CAST(? AS BIGINT),
                CAST(? AS DOUBLE PRECISION))) AS v(run_id, series, step, val)
            ON m.run_id = v.run_id AND m.series = v.series AND m.step = v.step
            WHEN MATCHED THEN UPDATE SET val = v.val
            WHEN NOT MATCHED THEN INSERT (run_id, series, step, val) VALUES (v.run_id, v.series, v.step, v.val)""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public MetricRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Stores all values of one step in a single committed transaction. */
    public void upsert(String runId, long step, Map<String, Double> values) {
        List<Object[]> rows = values.entrySet().stream()
                .map(e -> new Object[] {runId, e.getKey(), step, e.getValue()}).toList();
        tx.executeWithoutResult(s -> jdbcTemplate.batchUpdate(UPSERT, rows));
    }

    /** Every point of a run, ordered by series then step. */
    public List<MetricPoint> points(String runId) {
        return jdbc.sql("SELECT series, step, val FROM metric WHERE run_id = :id ORDER BY series, step")
                .param("id", runId)
                .query((rs, i) -> new MetricPoint(rs.getString(1), rs.getLong(2), rs.getDouble(3))).list();
    }

    public long count(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM metric WHERE run_id = :id").param("id", runId)
                .query(Long.class).single();
    }
}
