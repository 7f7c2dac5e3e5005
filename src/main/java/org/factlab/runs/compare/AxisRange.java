package org.factlab.runs.compare;

import java.util.Set;

/**
 * The fixed y range of a chart of similarities or accuracies, so that charts compare at a glance: cosine
 * similarities and Pearson correlations on [0, 1] when no value is negative, else on [−1, 1]; accuracies on
 * [0, 1]. Other series keep a range fitted to their values.
 */
public final class AxisRange {

    private static final Set<String> SIMILARITIES = Set.of("cosine", "pearson");
    private static final String ACCURACY = "accuracy";

    private AxisRange() {
    }

    /**
     * [low, high] for a series key or chart group ("fact/cosine", "layer1-pearson", "test_accuracy") whose values
     * span [min, max], or null when its range is fitted to its values.
     */
    public static double[] fixed(String series, double min, double max) {
        String measure = series.substring(Math.max(series.lastIndexOf('/'), series.lastIndexOf('-')) + 1);
        boolean accuracy = measure.equals(ACCURACY) || measure.endsWith("_" + ACCURACY);
        if (!SIMILARITIES.contains(measure) && !accuracy) {
            return null;
        }
        if (Double.isFinite(min) && Double.isFinite(max) && (min < -1 - 1e-9 || max > 1 + 1e-9)) {
            return null; // not in the measure's range after all (e.g. an accuracy in percent)
        }
        return accuracy || !(min < 0) ? new double[] {0, 1} : new double[] {-1, 1};
    }
}
