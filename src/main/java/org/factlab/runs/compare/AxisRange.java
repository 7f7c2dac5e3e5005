package org.factlab.runs.compare;

import java.util.List;
import java.util.Optional;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Section;

/**
 * The fixed y range of a chart, from the axis the run's kind declares for the series ({@link Section#valueAxis}), so
 * that charts compare at a glance: a similarity axis [−1, 1] is drawn on [0, 1] when no value is negative, a fraction
 * or accuracy on [0, 1]. Series on an axis that follows the data, or not charted by any section, keep a range fitted
 * to their values.
 */
public final class AxisRange {

    private static final double SLACK = 1e-9;

    private AxisRange() {}

    /** The y axis the first of {@code sections} that charts {@code series} declares for it. */
    public static Optional<Axis> declared(List<Section> sections, String series) {
        return sections.stream()
                .map(s -> s.valueAxis(series))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** [low, high] for {@code series} whose values span [min, max], or null when its range follows its values. */
    public static double[] fixed(List<Section> sections, String series, double min, double max) {
        return declared(sections, series).map(axis -> fixed(axis, min, max)).orElse(null);
    }

    /**
     * [low, high] of an axis with a fixed range for values spanning [min, max], its negative half left out when no
     * value is negative; null for an axis that follows the data (or is logarithmic) or values outside its range.
     */
    public static double[] fixed(Axis axis, double min, double max) {
        if (Double.isNaN(axis.min()) || Double.isNaN(axis.max()) || axis.log()) {
            return null;
        }
        if (Double.isFinite(min) && Double.isFinite(max) && (min < axis.min() - SLACK || max > axis.max() + SLACK)) {
            return null; // not in the declared range after all (e.g. an accuracy in percent)
        }
        return axis.min() < 0 && !(min < 0) ? new double[] {0, axis.max()} : new double[] {axis.min(), axis.max()};
    }

    /** True for an axis of similarities, [−1, 1]. */
    public static boolean isSimilarity(Axis axis) {
        return axis.min() == -1 && axis.max() == 1;
    }
}
