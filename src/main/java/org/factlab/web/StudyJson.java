package org.factlab.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factlab.runs.DeletedRun;
import org.factlab.studies.Study;
import org.factlab.studies.StudyRuns;

/** The API's representation of a study ({@code GET /api/studies/{id}}); field names are a public contract. */
record StudyJson(
        String id,
        String name,
        String notes,
        String kind,
        String studyPreset,
        String preset,
        Map<String, Object> spec,
        Map<String, List<Object>> sweep,
        int seeds,
        String status,
        List<String> runIds,
        int done,
        int total,
        Instant createdAt,
        String url,
        String owner,
        List<DeletedRun> deletedRuns) {

    static StudyJson of(StudyRuns s) {
        Study study = s.study();
        return new StudyJson(
                study.id(),
                study.name(),
                study.notes(),
                study.kind(),
                study.studyPreset(),
                study.preset(),
                study.spec(),
                study.sweep(),
                study.seeds(),
                s.status().name(),
                s.runIds(),
                s.done(),
                s.total(),
                study.createdAt(),
                "/studies/" + study.id(),
                study.owner(),
                s.deleted());
    }
}
