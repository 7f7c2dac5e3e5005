package org.factlab.experiments.sections;

import java.util.List;
import java.util.Optional;

/**
 * A line chart of a few series over steps; {@code id} is its element id on the run page (e.g. {@code chart-cosine}).
 */
public record Chart(String id, String title, Axis x, Axis y, List<Curve> curves) {

    public Chart {
        curves = List.copyOf(curves);
    }

    public static Chart of(String id, String title, Axis x, Axis y, Curve... curves) {
        return new Chart(id, title, x, y, List.of(curves));
    }

    /** The y axis of the first of {@code charts} with a curve of {@code series}. */
    static Optional<Axis> axisOf(List<Chart> charts, String series) {
        return charts.stream()
                .filter(c -> c.curves().stream().anyMatch(v -> v.series().equals(series)))
                .map(Chart::y)
                .findFirst();
    }
}
