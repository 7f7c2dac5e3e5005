package org.factlab.ui;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.factlab.runs.MetricPoint;

/** A view's copy of a run's curves: series → (step → value); history and live points merged by step. */
final class SeriesStore {

    private final Map<String, NavigableMap<Long, Double>> series = new TreeMap<>();

    synchronized void addAll(List<MetricPoint> points) {
        points.forEach(p -> series.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.step(), p.value()));
    }

    /** Adds another run's points under {@code "<label> · <series>"}, for overlays. */
    synchronized void addAll(String label, List<MetricPoint> points) {
        points.forEach(p -> series.computeIfAbsent(label + " · " + p.series(), k -> new TreeMap<>())
                .put(p.step(), p.value()));
    }

    synchronized void add(long step, Map<String, Double> values) {
        values.forEach((name, v) -> series.computeIfAbsent(name, k -> new TreeMap<>()).put(step, v));
    }

    /** A copy of every series: name → (step → value). */
    synchronized Map<String, NavigableMap<Long, Double>> snapshot() {
        Map<String, NavigableMap<Long, Double>> copy = new TreeMap<>();
        series.forEach((name, points) -> copy.put(name, new TreeMap<>(points)));
        return copy;
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

    /** Series grouped into charts by the part after their last '/' (e.g. all ".../cosine" together). */
    static Map<String, Map<String, double[][]>> byChart(Map<String, double[][]> curves) {
        Map<String, Map<String, double[][]>> charts = new TreeMap<>();
        curves.forEach((name, xy) -> charts.computeIfAbsent(chartOf(name), k -> new TreeMap<>()).put(name, xy));
        return charts;
    }

    /** Both sets of curves grouped into charts: a chart of {@code other} joins the chart of the same name. */
    static Map<String, Map<String, double[][]>> merge(Map<String, double[][]> first, SeriesStore other) {
        Map<String, Map<String, double[][]>> charts = byChart(first);
        byChart(other.curves()).forEach((chart, series) -> charts.computeIfAbsent(chart, k -> new TreeMap<>())
                .putAll(series));
        return charts;
    }

    static String chartOf(String series) {
        int slash = series.lastIndexOf('/');
        return slash < 0 ? "training" : series.substring(slash + 1);
    }
}
