package org.factlab.experiments.sweep;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named study reproducing one of the paper's tables or figures: a kind and run preset, field overrides, the
 * sweep, the number of seeds, the summary keys its table shows, the field its table is pivoted by, and the
 * paper's printed values.
 *
 * @param gpuScaleSweep extra axis values too large for a CPU lab (the launch page offers them behind a switch)
 * @param tableKeys     summary keys shown by default (empty: every key)
 * @param pivot         the axis whose values become the table's column groups, or null for one row per setting
 */
public record StudyPreset(
        String id,
        String title,
        String description,
        String kind,
        String preset,
        Map<String, Object> spec,
        Map<String, List<Object>> sweep,
        Map<String, List<Object>> gpuScaleSweep,
        int seeds,
        List<String> tableKeys,
        String pivot,
        List<PaperValue> paper) {

    /** Why this preset cannot be launched here (its kind is not installed), or empty when it can. */
    public Optional<String> unavailableReason(Collection<String> installedKinds) {
        return installedKinds.contains(kind)
                ? Optional.empty()
                : Optional.of("needs the experiment kind '" + kind + "', which this server does not have");
    }
}
