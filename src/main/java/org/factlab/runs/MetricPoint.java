package org.factlab.runs;

/** One recorded value of a series at a step. */
public record MetricPoint(String series, long step, double value) {

    /** Points grouped by series: name → (step → value). */
    public static java.util.Map<String, java.util.TreeMap<Long, Double>> bySeries(java.util.List<MetricPoint> points) {
        java.util.Map<String, java.util.TreeMap<Long, Double>> out = new java.util.TreeMap<>();
        points.forEach(p ->
                out.computeIfAbsent(p.series(), k -> new java.util.TreeMap<>()).put(p.step(), p.value()));
        return out;
    }
}
