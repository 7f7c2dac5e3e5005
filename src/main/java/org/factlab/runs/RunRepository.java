package org.factlab.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code run} table. Every method is its own committed statement. */
@Repository
public class RunRepository {

    private static final TypeReference<LinkedHashMap<String, Object>> SPEC = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Double>> SUMMARY = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonText json;

    public RunRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonText(json, "run");
    }

    public void insert(Run run) {
        jdbc.sql("""
                INSERT INTO run (id, name, kind, preset, spec_json, seed, status, created_at, versions, owner)
                VALUES (:id, :name, :kind, :preset, :spec, :seed, :status, :created, :versions, :owner)""")
                .param("id", run.id())
                .param("name", run.name())
                .param("kind", run.kind())
                .param("preset", run.preset())
                .param("spec", json.write(run.spec()))
                .param("seed", run.seed())
                .param("status", run.status().name())
                .param("created", utc(run.createdAt()))
                .param("versions", run.versions())
                .param("owner", run.owner())
                .update();
    }

    public java.util.Optional<Run> find(String id) {
        return jdbc.sql("SELECT * FROM run WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Runs newest first, optionally filtered by kind and status (null = any). */
    public List<Run> list(String kind, RunStatus status) {
        return jdbc.sql("""
                SELECT * FROM run WHERE (CAST(:kind AS VARCHAR(40)) IS NULL OR kind = :kind)
                AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)
                ORDER BY created_at DESC, id""")
                .param("kind", kind)
                .param("status", status == null ? null : status.name())
                .query(this::map)
                .list();
    }

    /** How many runs of {@code owner} (whatever the case of the name) are queued or running. */
    public long countActive(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM run WHERE LOWER(owner) = LOWER(:owner) "
                        + "AND status IN ('QUEUED', 'RUNNING')")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    /**
     * Locks {@code account}'s row of {@code run_quota_lock} until the caller's transaction ends (the row is created
     * first, in its own statement, when missing), so that launches of one account are counted one at a time.
     */
    public void lockQuota(String account) {
        int updated = jdbc.sql("UPDATE run_quota_lock SET launches = launches + 1 WHERE account = :a")
                .param("a", account)
                .update();
        if (updated == 0) {
            throw new IllegalStateException("no quota row for " + account + "; call ensureQuotaRow first");
        }
    }

    /** Creates {@code account}'s row of {@code run_quota_lock} if it has none (outside any transaction). */
    public void ensureQuotaRow(String account) {
        if (jdbc.sql("SELECT COUNT(*) FROM run_quota_lock WHERE account = :a")
                        .param("a", account)
                        .query(Long.class)
                        .single()
                == 0) {
            try {
                jdbc.sql("INSERT INTO run_quota_lock (account) VALUES (:a)")
                        .param("a", account)
                        .update();
            } catch (DuplicateKeyException createdMeanwhile) {
                // another launch of the account created it: the lock works the same
            }
        }
    }

    /** The runs of a study, setting after setting, seeds ascending within a setting. */
    public List<Run> listOfStudy(String studyId) {
        return jdbc.sql("SELECT * FROM run WHERE study_id = :study ORDER BY study_setting, seed, id")
                .param("study", studyId)
                .query(this::map)
                .list();
    }

    /**
     * QUEUED → RUNNING on {@code worker}; false when the run is no longer queued (cancelled meanwhile, or
     * started by another worker): of several workers exactly one gets true.
     */
    public boolean markStarted(String id, String backend, String worker, Instant at) {
        return jdbc.sql("""
                UPDATE run SET status = 'RUNNING', started_at = :at, backend = :backend, worker = :worker
                WHERE id = :id AND status = 'QUEUED'""")
                        .param("id", id)
                        .param("at", utc(at))
                        .param("backend", backend)
                        .param("worker", worker)
                        .update()
                == 1;
    }

    /**
     * Moves a queued or running run to a terminal status with its error and summary. A run that already ended
     * (e.g. INTERRUPTED by another worker that took this one for dead) keeps its status.
     */
    public void markFinished(String id, RunStatus status, String error, Map<String, Double> summary, Instant at) {
        jdbc.sql("""
                UPDATE run SET status = :status, error = :error, summary_json = :summary, finished_at = :at
                WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""")
                .param("id", id)
                .param("status", status.name())
                .param("error", error)
                .param("summary", json.write(summary))
                .param("at", utc(at))
                .update();
    }

    /** Cancels a run that has not started; false when it already started or ended. */
    public boolean cancelQueued(String id, Instant at) {
        return jdbc.sql("""
                UPDATE run SET status = 'CANCELLED', finished_at = :at, cancel_requested = TRUE
                WHERE id = :id AND status = 'QUEUED'""").param("id", id).param("at", utc(at)).update() == 1;
    }

    public boolean requestCancel(String id) {
        return jdbc.sql("UPDATE run SET cancel_requested = TRUE WHERE id = :id AND status = 'RUNNING'")
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean cancelRequested(String id) {
        return jdbc.sql("SELECT cancel_requested FROM run WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(Boolean.TRUE);
    }

    public void updateProgress(String id, long done, long total) {
        jdbc.sql("UPDATE run SET progress_done = :done, progress_total = :total WHERE id = :id")
                .param("id", id)
                .param("done", done)
                .param("total", total)
                .update();
    }

    /** Appends a line to the run's notes (one line per call). */
    public void appendNote(String id, String line) {
        jdbc.sql("""
                UPDATE run SET notes = COALESCE(notes || :newline, '') || :line
                WHERE id = :id""").param("id", id).param("newline", "\n").param("line", line).update();
    }

    /** The run's notes, one entry per line (empty when none or no such run). */
    public List<String> notes(String id) {
        String notes = jdbc.sql("SELECT notes FROM run WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
        return notes == null ? List.of() : List.of(notes.split("\n"));
    }

    /**
     * At start-up: runs left RUNNING by a stopped server — every one when this server is the database's only
     * user ({@code worker} null), else those of {@code worker} — become INTERRUPTED (their recorded steps stay).
     */
    public List<String> interruptRunning(String worker, Instant at) {
        String running = """
                SELECT id FROM run
                WHERE status = 'RUNNING' AND (CAST(:worker AS VARCHAR(100)) IS NULL OR worker = :worker)""";
        List<String> ids =
                jdbc.sql(running).param("worker", worker).query(String.class).list();
        ids.forEach(
                id -> interrupt(id, at, "the server stopped while this run was running; its recorded steps are kept"));
        return ids;
    }

    /**
     * RUNNING → INTERRUPTED with {@code reason}; recorded points and snapshots stay. Also asks the run to stop, in
     * case its worker is alive after all. False when the run was not running.
     */
    public boolean interrupt(String id, Instant at, String reason) {
        return jdbc.sql("""
                UPDATE run SET status = 'INTERRUPTED', finished_at = :at, error = :reason, cancel_requested = TRUE
                WHERE id = :id AND status = 'RUNNING'""")
                        .param("id", id)
                        .param("at", utc(at))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** Sets what people wrote about a run: its name, notes (Markdown, null for none) and tags. */
    public void updateLabels(String id, String name, String notes, List<String> tags) {
        jdbc.sql("UPDATE run SET name = :name, user_notes = :notes, tags = :tags WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .param("notes", notes)
                .param("tags", tags.isEmpty() ? null : String.join(",", tags))
                .update();
    }

    /** Deletes the run row; its metric points and matrix snapshots go with it (ON DELETE CASCADE). */
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM run WHERE id = :id").param("id", id).update() == 1;
    }

    /** The study a run belongs to and its setting there, if any. */
    public java.util.Optional<StudyMembership> studyOf(String id) {
        return jdbc.sql("SELECT study_id, study_setting FROM run WHERE id = :id AND study_id IS NOT NULL")
                .param("id", id)
                .query((rs, i) -> new StudyMembership(rs.getString(1), rs.getInt(2)))
                .optional();
    }

    /** A run's place in a study. */
    public record StudyMembership(String studyId, int setting) {}

    /** The worker that executes or executed a run (null while queued). */
    public java.util.Optional<String> worker(String id) {
        return jdbc.sql("SELECT worker FROM run WHERE id = :id").param("id", id).query(String.class).list().stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Queued and running runs counted per worker (null: queued, not yet picked up) and status. */
    public List<QueueCount> queue() {
        return jdbc.sql("""
                SELECT worker, status, COUNT(*) FROM run WHERE status IN ('QUEUED', 'RUNNING')
                GROUP BY worker, status ORDER BY worker, status""")
                .query((rs, i) -> new QueueCount(rs.getString(1), RunStatus.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** How many runs of a status a worker holds (worker null for runs still waiting for one). */
    public record QueueCount(String worker, RunStatus status, long count) {}

    /** Status and progress of every queued or running run, as another worker's live feed reads them. */
    public List<LiveState> liveStates() {
        return jdbc.sql("""
                SELECT id, status, progress_done, progress_total FROM run WHERE status IN ('QUEUED', 'RUNNING')""")
                .query((rs, i) -> new LiveState(
                        rs.getString(1), RunStatus.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** A run's status and progress, without its spec. */
    public record LiveState(String id, RunStatus status, long done, long total) {}

    private Run map(ResultSet rs, int row) throws SQLException {
        return new Run(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("preset"),
                json.read(rs.getString("spec_json"), SPEC),
                rs.getLong("seed"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("backend"),
                rs.getString("versions"),
                json.read(rs.getString("summary_json"), SUMMARY),
                rs.getLong("progress_done"),
                rs.getLong("progress_total"),
                rs.getString("owner"),
                tags(rs.getString("tags")),
                rs.getString("user_notes"));
    }

    private static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /** Keeps a row on the study's page for a run of it that is being deleted. */
    public void recordDeletedRun(String studyId, DeletedRun run) {
        jdbc.sql("""
                INSERT INTO deleted_run (id, study_id, study_setting, name, seed, deleted_at, deleted_by)
                VALUES (:id, :study, :setting, :name, :seed, :at, :by)""")
                .param("id", run.id())
                .param("study", studyId)
                .param("setting", run.setting())
                .param("name", run.name())
                .param("seed", run.seed())
                .param("at", run.deletedAt().atOffset(ZoneOffset.UTC))
                .param("by", run.deletedBy())
                .update();
    }
}
