package org.factlab.ui.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;

/** The compared runs' recorded curves (run id → series → step → value): read whole, then extended by live points. */
final class CompareCurves {

    private final MetricRepository metrics;
    private final Map<String, Map<String, NavigableMap<Long, Double>>> byRun = new LinkedHashMap<>();

    CompareCurves(MetricRepository metrics) {
        this.metrics = metrics;
    }

    /** Reads every run's points, forgetting runs no longer compared. */
    void load(List<Run> runs) {
        byRun.clear();
        runs.forEach(r -> reload(r.id()));
    }

    /** Reads one run's points again (those recorded before a live subscription began included). */
    void reload(String runId) {
        Map<String, NavigableMap<Long, Double>> curves = new TreeMap<>();
        metrics.points(runId)
                .forEach(p ->
                        curves.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.step(), p.value()));
        byRun.put(runId, curves);
    }

    /** Adds live points; true when one of them starts a series not seen before. */
    boolean add(List<RunEvent.Metrics> points) {
        boolean newSeries = false;
        for (RunEvent.Metrics m : points) {
            Map<String, NavigableMap<Long, Double>> runCurves = byRun.computeIfAbsent(m.runId(), k -> new TreeMap<>());
            for (Map.Entry<String, Double> v : m.values().entrySet()) {
                newSeries |= !runCurves.containsKey(v.getKey());
                runCurves.computeIfAbsent(v.getKey(), k -> new TreeMap<>()).put(m.step(), v.getValue());
            }
        }
        return newSeries;
    }

    /** Every series any compared run recorded, by name. */
    Set<String> series() {
        Set<String> all = new TreeSet<>();
        byRun.values().forEach(c -> all.addAll(c.keySet()));
        return all;
    }

    Map<String, Map<String, NavigableMap<Long, Double>>> byRun() {
        return byRun;
    }
}
