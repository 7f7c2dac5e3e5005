package org.factlab.studies;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.runs.DeletedRun;
import org.factlab.runs.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code study} table and the run → study link ({@code run.study_id}, {@code run.study_setting}). */
@Repository
public class StudyRepository {

    private static final TypeReference<LinkedHashMap<String, Object>> SPEC = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, List<Object>>> SWEEP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonText json;

    public StudyRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonText(json, "study");
    }

    public void insert(Study s) {
        jdbc.sql("""
                INSERT INTO study (id, name, notes, kind, study_preset, preset, spec_json, sweep_json, seeds,
                                   total_runs, created_at, owner)
                VALUES (:id, :name, :notes, :kind, :studyPreset, :preset, :spec, :sweep, :seeds, :total, :created,
                        :owner)""")
                .param("id", s.id())
                .param("name", s.name())
                .param("notes", s.notes())
                .param("kind", s.kind())
                .param("studyPreset", s.studyPreset())
                .param("preset", s.preset())
                .param("spec", json.write(s.spec()))
                .param("sweep", json.write(s.sweep()))
                .param("seeds", s.seeds())
                .param("total", s.totalRuns())
                .param("created", s.createdAt().atOffset(ZoneOffset.UTC))
                .param("owner", s.owner())
                .update();
    }

    /** Marks a stored run as setting {@code setting} of a study. */
    public void link(String runId, String studyId, int setting) {
        jdbc.sql("UPDATE run SET study_id = :study, study_setting = :setting WHERE id = :id")
                .param("study", studyId)
                .param("setting", setting)
                .param("id", runId)
                .update();
    }

    public Optional<Study> find(String id) {
        return jdbc.sql("SELECT * FROM study WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Every study, newest first. */
    public List<Study> list() {
        return jdbc.sql("SELECT * FROM study ORDER BY created_at DESC, id")
                .query(this::map)
                .list();
    }

    /** Run id → study id of every run that belongs to a study. */
    public Map<String, String> studyOfRuns() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, study_id FROM run WHERE study_id IS NOT NULL")
                .query((rs, row) -> out.put(rs.getString("id"), rs.getString("study_id")))
                .list();
        return out;
    }

    /** Run id → setting index of a study's runs. */
    public Map<String, Integer> settingsOfRuns(String studyId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, study_setting FROM run WHERE study_id = :study ORDER BY study_setting, seed, id")
                .param("study", studyId)
                .query((rs, row) -> out.put(rs.getString("id"), rs.getInt("study_setting")))
                .list();
        return out;
    }

    public void requestCancel(String id) {
        jdbc.sql("UPDATE study SET cancel_requested = TRUE WHERE id = :id")
                .param("id", id)
                .update();
    }

    public void updateNotes(String id, String notes) {
        jdbc.sql("UPDATE study SET notes = :notes WHERE id = :id")
                .param("id", id)
                .param("notes", notes)
                .update();
    }

    public void rename(String id, String name) {
        jdbc.sql("UPDATE study SET name = :name WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .update();
    }

    /** Deletes the study row and the record of its deleted runs; its runs must be deleted first. */
    public void delete(String id) {
        jdbc.sql("DELETE FROM study WHERE id = :id").param("id", id).update();
    }

    /** The deleted runs of a study, setting after setting. */
    public List<DeletedRun> deletedRuns(String studyId) {
        return jdbc.sql("""
                SELECT * FROM deleted_run WHERE study_id = :study ORDER BY study_setting, seed, id""")
                .param("study", studyId)
                .query((rs, row) -> new DeletedRun(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getInt("study_setting"),
                        rs.getLong("seed"),
                        rs.getObject("deleted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("deleted_by")))
                .list();
    }

    private Study map(ResultSet rs, int row) throws SQLException {
        return new Study(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("notes"),
                rs.getString("kind"),
                rs.getString("study_preset"),
                rs.getString("preset"),
                json.read(rs.getString("spec_json"), SPEC),
                json.read(rs.getString("sweep_json"), SWEEP),
                rs.getInt("seeds"),
                rs.getInt("total_runs"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("cancel_requested"),
                rs.getString("owner"));
    }
}
