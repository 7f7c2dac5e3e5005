package org.factlab.runs;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code matrix_snapshot} table. */
@Repository
public class MatrixRepository {

    private final JdbcClient jdbc;

    public MatrixRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a snapshot, replacing one of the same name and step (a repeated step). */
    public void insert(String runId, MatrixSnapshot m) {
        try {
            insertRow(runId, m);
        } catch (DuplicateKeyException repeatedStep) {
            jdbc.sql("DELETE FROM matrix_snapshot WHERE run_id = :id AND name = :name AND step = :step")
                    .param("id", runId)
                    .param("name", m.name())
                    .param("step", m.step())
                    .update();
            insertRow(runId, m);
        }
    }

    private void insertRow(String runId, MatrixSnapshot m) {
        jdbc.sql("""
                INSERT INTO matrix_snapshot (run_id, name, step, n_rows, n_cols, min_val, max_val, data)
                VALUES (:id, :name, :step, :rows, :cols, :min, :max, :data)""")
                .param("id", runId)
                .param("name", m.name())
                .param("step", m.step())
                .param("rows", m.rows())
                .param("cols", m.cols())
                .param("min", m.min())
                .param("max", m.max())
                .param("data", MatrixCodec.encode(m.data()))
                .update();
    }

    /** Deletes the snapshots of matrix {@code name} at these steps (thinning, {@link StepThinning}). */
    public void deleteSteps(String runId, String name, List<Long> steps) {
        jdbc.sql("DELETE FROM matrix_snapshot WHERE run_id = :id AND name = :name AND step IN (:steps)")
                .param("id", runId)
                .param("name", name)
                .param("steps", steps)
                .update();
    }

    /** Every snapshot of a run without data, ordered by name then step. */
    public List<MatrixSnapshot.Info> list(String runId) {
        return jdbc.sql("""
                SELECT name, step, n_rows, n_cols, min_val, max_val FROM matrix_snapshot WHERE run_id = :id
                ORDER BY name, step""").param("id", runId).query(MatrixRepository::info).list();
    }

    private static MatrixSnapshot.Info info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MatrixSnapshot.Info(
                rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getFloat(5), rs.getFloat(6));
    }

    /** The snapshots (without data) of a run at {@code fromStep} and later, ordered by step then name. */
    public List<MatrixSnapshot.Info> listFrom(String runId, long fromStep) {
        return jdbc.sql("""
                SELECT name, step, n_rows, n_cols, min_val, max_val FROM matrix_snapshot
                WHERE run_id = :id AND step >= :from ORDER BY step, name""")
                .param("id", runId)
                .param("from", fromStep)
                .query(MatrixRepository::info)
                .list();
    }

    /** The latest step with a snapshot, or −1. */
    public long lastStep(String runId) {
        Long last = jdbc.sql("SELECT MAX(step) FROM matrix_snapshot WHERE run_id = :id")
                .param("id", runId)
                .query(Long.class)
                .single();
        return last == null ? -1 : last;
    }

    /** The snapshot of {@code name} at exactly {@code step}, or the latest one when {@code step} is null. */
    public Optional<MatrixSnapshot> find(String runId, String name, Long step) {
        return query(runId, name, step, "(CAST(:step AS BIGINT) IS NULL OR step = :step)");
    }

    /** The latest snapshot of {@code name} at or before {@code step}. */
    public Optional<MatrixSnapshot> findAtOrBefore(String runId, String name, long step) {
        return query(runId, name, step, "step <= :step");
    }

    private Optional<MatrixSnapshot> query(String runId, String name, Long step, String stepCondition) {
        return jdbc.sql("""
                SELECT name, step, n_rows, n_cols, min_val, max_val, data FROM matrix_snapshot
                WHERE run_id = :id AND name = :name AND %s
                ORDER BY step DESC FETCH FIRST 1 ROWS ONLY""".formatted(stepCondition))
                .param("id", runId)
                .param("name", name)
                .param("step", step)
                .query((rs, i) -> {
                    int rows = rs.getInt(3);
                    int cols = rs.getInt(4);
                    return new MatrixSnapshot(
                            rs.getString(1),
                            rs.getLong(2),
                            rows,
                            cols,
                            rs.getFloat(5),
                            rs.getFloat(6),
                            MatrixCodec.decode(rs.getBytes(7), rows * cols));
                })
                .optional();
    }
}
