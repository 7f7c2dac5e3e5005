package org.factlab.experiments.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dataset × method table a {@link ResultsTableSection} declares, read back from a run's series and notes: per
 * dataset each method's test accuracy (or its failure and reason), the chosen hyper-parameters per fold, the best
 * method(s); over the datasets where every method of the run succeeded, the mean accuracy per method and how often
 * each is best. The kind's summary, the run page, the CSV export and the scatter figure all come from here.
 */
public final class ResultsTable {

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
     * {@link ResultsTableSection#SECONDS}), the cells by method, the
     * best methods, and the dataset-level failure reason (null unless the whole dataset failed).
     */
    public record Row(
            String dataset, Map<String, Double> info, Map<String, Cell> cells, List<String> best, String failure) {

        public Double info(String what) {
            return info.get(what);
        }
    }

    private final ResultsTableSection section;
    private final List<String> methods;
    private final List<Row> rows;

    private ResultsTable(ResultsTableSection section, List<String> methods, List<Row> rows) {
        this.section = section;
        this.methods = methods;
        this.rows = rows;
    }

    /**
     * @param section the declaration: the series prefix and the methods in table order
     * @param series  series name → (step → value)
     * @param summary the run's summary so far ({@code seconds/<name>} gives a dataset's time); may be empty
     * @param notes   the run's notes; lines {@code dataset/<name>[/<method>]: reason} give failure reasons
     */
    public static ResultsTable of(
            ResultsTableSection section,
            Map<String, ? extends SortedMap<Long, Double>> series,
            Map<String, Double> summary,
            List<String> notes) {
        String prefix = section.prefix();
        List<String> ids = section.methodIds();
        Map<String, Map<String, Double>> info = new TreeMap<>();
        Map<String, Map<String, Map<String, SortedMap<Long, Double>>>> perMethod = new TreeMap<>();
        TreeSet<Integer> methodOrder = new TreeSet<>();
        series.forEach((name, points) -> {
            if (!name.startsWith(prefix) || points.isEmpty()) {
                return;
            }
            String[] parts = name.substring(prefix.length()).split("/");
            if (parts.length == 2) {
                info.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], points.get(points.firstKey()));
            } else if (parts.length == 3 && ids.contains(parts[1])) {
                methodOrder.add(ids.indexOf(parts[1]));
                info.computeIfAbsent(parts[0], k -> new LinkedHashMap<>());
                perMethod
                        .computeIfAbsent(parts[0], k -> new TreeMap<>())
                        .computeIfAbsent(parts[1], k -> new TreeMap<>())
                        .put(parts[2], points);
            }
        });
        summary.forEach((key, value) -> {
            String dataset = key.substring(ResultsTableSection.SECONDS.length());
            if (key.startsWith(ResultsTableSection.SECONDS) && info.containsKey(dataset)) {
                info.get(dataset).put(ResultsTableSection.SECONDS, value);
            }
        });
        Map<String, String> reasons = reasons(prefix, notes);
        List<String> methods = methodOrder.stream().map(ids::get).toList();
        List<Row> rows = new ArrayList<>();
        info.forEach((dataset, values) -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            Map<String, Map<String, SortedMap<Long, Double>>> byMethod = perMethod.getOrDefault(dataset, Map.of());
            for (String method : methods) {
                cells.put(
                        method,
                        cell(
                                byMethod.getOrDefault(method, Map.of()),
                                reasons.get(section.series(dataset, method, "")),
                                values.containsKey(ResultsTableSection.FAILED)));
            }
            String failure = values.containsKey(ResultsTableSection.FAILED)
                    ? reasons.getOrDefault(section.series(dataset, ""), "failed")
                    : null;
            rows.add(new Row(dataset, values, cells, best(cells), failure));
        });
        return new ResultsTable(section, methods, rows);
    }

    public ResultsTableSection section() {
        return section;
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
        return rows.stream()
                .filter(r -> r.cells().values().stream().allMatch(c -> c.accuracy() != null))
                .toList();
    }

    /** Mean test accuracy per method over {@link #compared()} (NaN when none). */
    public Map<String, Double> means() {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Row> compared = compared();
        for (String method : methods) {
            out.put(
                    method,
                    compared.stream()
                            .mapToDouble(r -> r.cells().get(method).accuracy())
                            .average()
                            .orElse(Double.NaN));
        }
        return out;
    }

    /** On how many rows of {@link #compared()} each method is best (ties count for each tied method). */
    public Map<String, Integer> wins() {
        Map<String, Integer> out = new LinkedHashMap<>();
        methods.forEach(m -> out.put(
                m, (int) compared().stream().filter(r -> r.best().contains(m)).count()));
        return out;
    }

    /** Datasets that failed as a whole or for at least one method. */
    public long failedCount() {
        return rows.stream()
                .filter(r -> r.failure() != null || r.cells().values().stream().anyMatch(Cell::failed))
                .count();
    }

    /**
     * The scatter's points for method {@code y}: per dataset where both have an accuracy, ({@code scatter().x()}'s,
     * {@code y}'s), in dataset order.
     */
    public List<double[]> scatterPoints(String y) {
        String x = section.scatter().x();
        List<double[]> points = new ArrayList<>();
        for (Row r : rows) {
            Cell base = r.cells().get(x);
            Cell other = r.cells().get(y);
            if (base != null && other != null && base.accuracy() != null && other.accuracy() != null) {
                points.add(new double[] {base.accuracy(), other.accuracy()});
            }
        }
        return points;
    }

    /** The run's summary values: means, best counts, compared and failed datasets. */
    public Map<String, Double> summary() {
        Map<String, Double> out = new LinkedHashMap<>();
        means().forEach((m, v) -> {
            if (!v.isNaN()) {
                out.put(ResultsTableSection.MEAN_TEST_ACCURACY + m, v);
            }
        });
        wins().forEach((m, v) -> out.put(ResultsTableSection.DATASETS_BEST + m, (double) v));
        out.put(ResultsTableSection.DATASETS_COMPARED, (double) compared().size());
        out.put(ResultsTableSection.DATASETS_FAILED, (double) failedCount());
        return out;
    }

    private static Cell cell(Map<String, SortedMap<Long, Double>> values, String reason, boolean datasetFailed) {
        SortedMap<Long, Double> accuracy = values.get(ResultsTableSection.TEST_ACCURACY);
        boolean failed = values.containsKey(ResultsTableSection.FAILED) || datasetFailed;
        return new Cell(
                failed || accuracy == null ? null : accuracy.get(accuracy.firstKey()),
                failed ? (reason == null ? "failed" : reason) : null,
                List.copyOf(values.getOrDefault(ResultsTableSection.REG, new TreeMap<>())
                        .values()),
                List.copyOf(values.getOrDefault(ResultsTableSection.ITERATIONS, new TreeMap<>())
                        .values()));
    }

    private static List<String> best(Map<String, Cell> cells) {
        double top = cells.values().stream()
                .filter(c -> c.accuracy() != null)
                .mapToDouble(Cell::accuracy)
                .max()
                .orElse(Double.NaN);
        return cells.entrySet().stream()
                .filter(e -> e.getValue().accuracy() != null && e.getValue().accuracy() >= top - TIE)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Note lines "<prefix><name>/<method>: reason" keyed by "<prefix><name>/<method>/" (dataset: "<prefix><name>/").
     */
    private static Map<String, String> reasons(String prefix, List<String> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : notes) {
            int colon = line.indexOf(": ");
            if (line.startsWith(prefix) && colon > 0) {
                out.putIfAbsent(line.substring(0, colon) + "/", line.substring(colon + 2));
            }
        }
        return out;
    }
}
