package org.factlab.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the {@code run} table, with its spec and summary decoded. {@code owner} is the account that launched
 * the run, null when login was off; {@code tags} and {@code notes} (Markdown) are what people wrote about it.
 */
public record Run(
        String id,
        String name,
        String kind,
        String preset,
        Map<String, Object> spec,
        long seed,
        RunStatus status,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String backend,
        String versions,
        Map<String, Double> summary,
        long progressDone,
        long progressTotal,
        String owner,
        List<String> tags,
        String notes) {

    public Run {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Fraction done in [0, 1], or 0 when the total is not known yet. */
    public double progress() {
        return progressTotal <= 0 ? 0.0 : Math.min(1.0, (double) progressDone / progressTotal);
    }
}
