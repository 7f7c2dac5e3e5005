package org.factlab.ui.run.sections;

import java.util.List;
import java.util.Map;

/**
 * What the run page's sections draw from, read outside the UI lock: the run's curves (series → {steps, values}),
 * its summary so far, its notes, and the curves of the runs overlaid on it (run label → its curves).
 */
public record RunPageData(
        Map<String, double[][]> curves,
        Map<String, Double> summary,
        List<String> notes,
        Map<String, Map<String, double[][]>> overlays) {

    /** A summary value, or the last value of the series of that name while the summary does not have it yet. */
    Double value(String key) {
        Double v = summary.get(key);
        if (v != null) {
            return v;
        }
        double[][] xy = curves.get(key);
        return xy == null || xy[1].length == 0 ? null : xy[1][xy[1].length - 1];
    }
}
