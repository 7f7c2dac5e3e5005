package org.factlab.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factlab.runs.Run;

/** The API's representation of a run ({@code GET /api/runs/{id}}); field names are a public contract. */
record RunJson(
        String id,
        String name,
        String kind,
        String preset,
        String status,
        Map<String, Object> spec,
        long seed,
        Map<String, Double> summary,
        String backend,
        String versions,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        double progress,
        String url,
        String owner,
        List<String> tags,
        String notes) {

    static RunJson of(Run r) {
        return new RunJson(
                r.id(),
                r.name(),
                r.kind(),
                r.preset(),
                r.status().name(),
                r.spec(),
                r.seed(),
                r.summary() == null ? Map.of() : r.summary(),
                r.backend(),
                r.versions(),
                r.createdAt(),
                r.startedAt(),
                r.finishedAt(),
                r.error(),
                r.progress(),
                "/runs/" + r.id(),
                r.owner(),
                r.tags(),
                r.notes());
    }
}
