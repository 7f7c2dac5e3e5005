package org.factlab.studies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.sweep.Settings;

/**
 * One row of the {@code study} table.
 *
 * @param studyPreset the study preset it was launched from (null when none)
 * @param preset      the base run preset (null when none)
 * @param spec        the field overrides applied to every run
 * @param sweep       the resolved axes; a run's setting index points into {@link #settings()}
 * @param owner       account name of who launched it; null when login was off
 */
public record Study(
        String id,
        String name,
        String notes,
        String kind,
        String studyPreset,
        String preset,
        Map<String, Object> spec,
        Map<String, List<Object>> sweep,
        int seeds,
        int totalRuns,
        Instant createdAt,
        boolean cancelRequested,
        String owner) {

    public List<Map<String, Object>> settings() {
        return Settings.product(sweep);
    }
}
