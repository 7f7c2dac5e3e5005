package org.factlab.experiments.sweep;

import java.util.List;
import java.util.Map;

/**
 * A validated expansion of a study: its resolved axes (ranges turned into values, values converted to the
 * fields' types), its settings ({@link Settings#product} of the axes) and one planned run per setting and
 * seed, setting after setting, seeds innermost.
 *
 * @param preset the base run preset (null when none); a {@code preset} axis overrides it per setting
 */
public record StudyPlan(
        String kind,
        String preset,
        Map<String, List<Object>> sweep,
        int seeds,
        List<Map<String, Object>> settings,
        List<PlannedRun> runs) {

    /**
     * One run to queue.
     *
     * @param setting   index into {@link StudyPlan#settings()}
     * @param seedIndex 0 … seeds − 1; the run's seed is the base seed plus this index
     * @param preset    the run preset its spec starts from (null when none)
     * @param spec      the full, validated spec
     */
    public record PlannedRun(int setting, int seedIndex, String preset, Map<String, Object> spec) {}
}
