package org.factlab.ui.run;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.factlab.runs.MetricPoint;

/** A view's copy of a run's curves: series → (step → value); history and live points merged by step. */
final class SeriesStore {

    private final Map<String, NavigableMap<Long, Double>> series = new TreeMap<>();

    synchronized void addAll(List<MetricPoint> points) {
        points.forEach(
                p -> series.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.step(), p.value()));
    }

    synchronized void add(long step, Map<String, Double> values) {
        values.forEach(
                (name, v) -> series.computeIfAbsent(name, k -> new TreeMap<>()).put(step, v));
    }

    /** A copy of every series: name → {steps, values}, steps ascending. */
    synchronized Map<String, double[][]> curves() {
        Map<String, double[][]> curves = new TreeMap<>();
        series.forEach((name, points) -> {
            double[][] xy = new double[2][points.size()];
            int i = 0;
            for (Map.Entry<Long, Double> p : points.entrySet()) {
                xy[0][i] = p.getKey();
                xy[1][i] = p.getValue();
                i++;
            }
            curves.put(name, xy);
        });
        return curves;
    }
}
