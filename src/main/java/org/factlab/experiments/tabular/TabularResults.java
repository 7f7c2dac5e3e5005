package org.factlab.experiments.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dataset × method table of a tabular run, read back from its series ({@link TabularSeries}) and notes: per
 * dataset each method's test accuracy (or its failure and reason), the chosen hyper-parameters per fold, the best
 * method(s); over the datasets where every method of the run succeeded, the mean accuracy per method and how often
 * each is best. The kind's summary, the run page and the CSV export all come from here.
 */
public final class TabularResults {

    /** Two accuracies closer than this are a tie. */
    private static final double TIE = 1e-12;

    /** One method on one dataset; accuracy null when it did not finish, reason non-null when it failed. */
    public record Cell(Double accuracy, String reason, List<Double> regs, List<Double> iterations) {
        public boolean failed() {
            return reason != null;
        }
    }

    /**
     * One dataset: its size as used, the majority-class baseline, the seconds it took (key
     * {@link TabularSeries#SECONDS}), the cells by method, the
     * best methods, and the dataset-level failure reason (null unless the whole dataset failed).
     */
    public record Row(String dataset, Map<String, Double> info, Map<String, Cell> cells, List<String> best,
                      String failure) {

        public Double info(String what) {
            return info.get(what);
        }
    }

    private final List<String> methods;
    private final List<Row> rows;

    private TabularResults(List<String> methods, List<Row> rows) {
        this.methods = methods;
        this.rows = rows;
    }

    /**
     * @param series  series name → (step → value)
     * @param summary the run's summary so far ({@code seconds/<name>} gives a dataset's time); may be empty
     * @param notes   the run's notes; lines {@code dataset/<name>[/<method>]: reason} give failure reasons
     */
    public static TabularResults of(Map<String, ? extends SortedMap<Long, Double>> series, Map<String, Double> summary,
                                    List<String> notes) {
        Map<String, Map<String, Double>> info = new TreeMap<>();
        Map<String, Map<String, Map<String, SortedMap<Long, Double>>>> perMethod = new TreeMap<>();
        TreeSet<Integer> methodOrder = new TreeSet<>();
        series.forEach((name, points) -> {
            if (!name.startsWith(TabularSeries.PREFIX) || points.isEmpty()) {
                return;
            }
            String[] parts = name.substring(TabularSeries.PREFIX.length()).split("/");
            if (parts.length == 2) {
                info.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], points.get(points.firstKey()));
            } else if (parts.length == 3 && TabularSeries.METHODS.contains(parts[1])) {
                methodOrder.add(TabularSeries.METHODS.indexOf(parts[1]));
                info.computeIfAbsent(parts[0], k -> new LinkedHashMap<>());
                perMethod.computeIfAbsent(parts[0], k -> new TreeMap<>())
                        .computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], points);
            }
        });
        summary.forEach((key, value) -> {
            String dataset = key.substring(TabularSeries.SECONDS.length());
            if (key.startsWith(TabularSeries.SECONDS) && info.containsKey(dataset)) {
                info.get(dataset).put(TabularSeries.SECONDS, value);
            }
        });
        Map<String, String> reasons = reasons(notes);
        List<String> methods = methodOrder.stream().map(TabularSeries.METHODS::get).toList();
        List<Row> rows = new ArrayList<>();
        info.forEach((dataset, values) -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            Map<String, Map<String, SortedMap<Long, Double>>> byMethod = perMethod.getOrDefault(dataset, Map.of());
            for (String method : methods) {
                cells.put(method, cell(byMethod.getOrDefault(method, Map.of()),
                        reasons.get(TabularSeries.of(dataset, method, "")), values.containsKey(TabularSeries.FAILED)));
            }
            String failure = values.containsKey(TabularSeries.FAILED)
                    ? reasons.getOrDefault(TabularSeries.of(dataset, ""), "failed") : null;
            rows.add(new Row(dataset, values, cells, best(cells), failure));
        });
        return new TabularResults(methods, rows);
    }

    public List<String> methods() {
        return methods;
    }

    /** Every dataset of the run, by name. */
    public List<Row> rows() {
        return rows;
    }

    /** The rows on which every method has an accuracy: the ones the means and best counts are over. */
    public List<Row> compared() {
        return rows.stream().filter(r -> r.cells().values().stream().allMatch(c -> c.accuracy() != null)).toList();
    }

    /** Mean test accuracy per method over {@link #compared()} (NaN when none). */
    public Map<String, Double> means() {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Row> compared = compared();
        for (String method : methods) {
            out.put(method, compared.stream().mapToDouble(r -> r.cells().get(method).accuracy()).average()
                    .orElse(Double.NaN));
        }
        return out;
    }

    /** On how many rows of {@link #compared()} each method is best (ties count for each tied method). */
    public Map<String, Integer> wins() {
        Map<String, Integer> out = new LinkedHashMap<>();
        methods.forEach(m -> out.put(m, (int) compared().stream().filter(r -> r.best().contains(m)).count()));
        return out;
    }

    /** Datasets that failed as a whole or for at least one method. */
    public long failedCount() {
        return rows.stream().filter(r -> r.failure() != null || r.cells().values().stream().anyMatch(Cell::failed))
                .count();
    }

    /** The run's summary values: means, best counts, compared and failed datasets. */
    public Map<String, Double> summary() {
        Map<String, Double> out = new LinkedHashMap<>();
        means().forEach((m, v) -> {
            if (!v.isNaN()) {
                out.put(TabularSeries.MEAN_TEST_ACCURACY + m, v);
            }
        });
        wins().forEach((m, v) -> out.put(TabularSeries.DATASETS_BEST + m, (double) v));
        out.put(TabularSeries.DATASETS_COMPARED, (double) compared().size());
        out.put(TabularSeries.DATASETS_FAILED, (double) failedCount());
        return out;
    }

    private static Cell cell(Map<String, SortedMap<Long, Double>> values, String reason, boolean datasetFailed) {
        SortedMap<Long, Double> accuracy = values.get(TabularSeries.TEST_ACCURACY);
        boolean failed = values.containsKey(TabularSeries.FAILED) || datasetFailed;
        return new Cell(failed || accuracy == null ? null : accuracy.get(accuracy.firstKey()),
                failed ? (reason == null ? "failed" : reason) : null,
                List.copyOf(values.getOrDefault(TabularSeries.REG, new TreeMap<>()).values()),
                List.copyOf(values.getOrDefault(TabularSeries.ITERATIONS, new TreeMap<>()).values()));
    }

    private static List<String> best(Map<String, Cell> cells) {
        double top = cells.values().stream().filter(c -> c.accuracy() != null).mapToDouble(Cell::accuracy).max()
                .orElse(Double.NaN);
        return cells.entrySet().stream().filter(e -> e.getValue().accuracy() != null
                && e.getValue().accuracy() >= top - TIE).map(Map.Entry::getKey).toList();
    }

    /** Note lines "dataset/<name>/<method>: reason" keyed by "dataset/<name>/<method>/" (dataset: "dataset/<name>/"). */
    private static Map<String, String> reasons(List<String> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : notes) {
            int colon = line.indexOf(": ");
            if (line.startsWith(TabularSeries.PREFIX) && colon > 0) {
                out.putIfAbsent(line.substring(0, colon) + "/", line.substring(colon + 2));
            }
        }
        return out;
    }
}
