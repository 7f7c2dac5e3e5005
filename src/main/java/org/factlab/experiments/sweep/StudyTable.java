package org.factlab.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.factlab.experiments.SpecValidationException;

/**
 * A study's results: one row per setting with, for every summary key, {@link SeedStats} over the setting's
 * succeeded runs, and the paper's printed value where the study comes from a paper preset. Two layouts:
 * {@link #bySetting} (the API's {@code table.csv}) and {@link #pivot} (one column group per value of a field,
 * e.g. Table 2's keys as rows against n = 1K, 2K, 5K).
 */
public final class StudyTable {

    /** The summary of one succeeded run of setting {@code setting}. */
    public record Result(int setting, Map<String, Double> summary) {}

    /** One setting: its axis values, the statistics per summary key, the paper's values per key. */
    public record Row(Map<String, Object> setting, Map<String, SeedStats> stats, Map<String, Double> paper) {}

    private final List<String> axes;
    private final List<Row> rows;
    private final List<String> keys;
    private final Set<String> paperKeys;

    private StudyTable(List<String> axes, List<Row> rows, List<String> keys, Set<String> paperKeys) {
        this.axes = axes;
        this.rows = rows;
        this.keys = keys;
        this.paperKeys = paperKeys;
    }

    /**
     * @param settings the study's settings in order ({@link Settings#product})
     * @param results  the summaries of its succeeded runs (others are left out of every statistic)
     */
    public static StudyTable of(
            List<String> axes, List<Map<String, Object>> settings, List<Result> results, List<PaperValue> paper) {
        Set<String> keys = new TreeSet<>();
        List<Map<String, List<Double>>> values = new ArrayList<>();
        settings.forEach(s -> values.add(new TreeMap<>()));
        for (Result r : results) {
            r.summary().forEach((k, v) -> {
                keys.add(k);
                if (v != null && Double.isFinite(v)) {
                    values.get(r.setting())
                            .computeIfAbsent(k, x -> new ArrayList<>())
                            .add(v);
                }
            });
        }
        Set<String> paperKeys = new TreeSet<>();
        paper.forEach(p -> paperKeys.add(p.key()));
        keys.addAll(paperKeys);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            Map<String, SeedStats> stats = new LinkedHashMap<>();
            Map<String, List<Double>> byKey = values.get(i);
            keys.forEach(k -> stats.put(k, SeedStats.of(byKey.getOrDefault(k, List.of()))));
            Map<String, Double> printed = new LinkedHashMap<>();
            Map<String, Object> setting = settings.get(i);
            paper.stream().filter(p -> p.matches(setting)).forEach(p -> printed.put(p.key(), p.value()));
            rows.add(new Row(setting, stats, printed));
        }
        return new StudyTable(List.copyOf(axes), rows, List.copyOf(keys), paperKeys);
    }

    /** Every summary key of the succeeded runs and of the paper values, sorted. */
    public List<String> keys() {
        return keys;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> axes() {
        return axes;
    }

    /**
     * Refuses a field this study does not sweep: 400 naming the request's {@code parameter} and the swept fields.
     *
     * @throws SpecValidationException when {@code field} is not one of {@link #axes}
     */
    public void requireAxis(String parameter, String field) {
        if (!axes.contains(field)) {
            throw new SpecValidationException(
                    parameter,
                    "'" + field + "' is not a swept field of this study; allowed: " + String.join(", ", axes));
        }
    }

    /**
     * The grid for a layout choice: {@link #pivot} by {@code pivotField}, or {@link #bySetting} when it is null;
     * {@code chosenKeys} empty means every key.
     */
    public TableGrid layout(String pivotField, List<String> chosenKeys) {
        List<String> shown = chosenKeys == null || chosenKeys.isEmpty() ? keys : chosenKeys;
        return pivotField == null ? bySetting(shown) : pivot(pivotField, shown);
    }

    /**
     * One row per setting: the axes, then for each key {@code <key>.mean}, {@code <key>.std}, {@code <key>.n}
     * and, where the paper prints it, {@code <key>.paper}. Empty cells: no value (std needs two seeds).
     */
    public TableGrid bySetting(List<String> chosenKeys) {
        List<String> header = new ArrayList<>(axes);
        for (String k : chosenKeys) {
            header.addAll(statHeaders(k));
        }
        List<List<Object>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<Object> line = new ArrayList<>();
            axes.forEach(a -> line.add(row.setting().get(a)));
            chosenKeys.forEach(k -> line.addAll(statCells(row, k)));
            cells.add(line);
        }
        return new TableGrid(header, cells);
    }

    /**
     * Rows: each combination of the other axes' values × each chosen key; columns: the other axes, {@code key},
     * then for each value v of {@code field} the group {@code field=v mean}, {@code std}, {@code n} (and
     * {@code paper}).
     */
    public TableGrid pivot(String field, List<String> chosenKeys) {
        requireAxis("pivot", field);
        List<String> others = axes.stream().filter(a -> !a.equals(field)).toList();
        Set<Object> columns = new LinkedHashSet<>();
        Map<List<Object>, Map<Object, Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            Object v = row.setting().get(field);
            columns.add(v);
            List<Object> rest = others.stream().map(a -> row.setting().get(a)).toList();
            groups.computeIfAbsent(rest, x -> new LinkedHashMap<>()).put(v, row);
        }
        List<String> header = new ArrayList<>(others);
        header.add("key");
        List<String> headerKeysForPaper =
                chosenKeys.stream().filter(paperKeys::contains).toList();
        for (Object v : columns) {
            String column = field + "=" + v;
            header.addAll(List.of(column + " mean", column + " std", column + " n"));
            if (!headerKeysForPaper.isEmpty()) {
                header.add(column + " paper");
            }
        }
        List<List<Object>> cells = new ArrayList<>();
        groups.forEach((rest, byValue) -> chosenKeys.forEach(k -> {
            List<Object> line = new ArrayList<>(rest);
            line.add(k);
            for (Object v : columns) {
                Row row = byValue.get(v);
                List<Object> stats =
                        row == null ? emptyStats() : statCells(row, k).subList(0, 3);
                line.addAll(stats);
                if (!headerKeysForPaper.isEmpty()) {
                    line.add(row == null ? null : row.paper().get(k));
                }
            }
            cells.add(line);
        }));
        return new TableGrid(header, cells);
    }

    private List<String> statHeaders(String key) {
        List<String> h = new ArrayList<>(List.of(key + ".mean", key + ".std", key + ".n"));
        if (paperKeys.contains(key)) {
            h.add(key + ".paper");
        }
        return h;
    }

    private List<Object> statCells(Row row, String key) {
        SeedStats s = row.stats().getOrDefault(key, SeedStats.of(List.of()));
        List<Object> cells = new ArrayList<>();
        cells.add(finiteOrNull(s.mean()));
        cells.add(finiteOrNull(s.std()));
        cells.add(s.n());
        if (paperKeys.contains(key)) {
            cells.add(row.paper().get(key));
        }
        return cells;
    }

    private static List<Object> emptyStats() {
        List<Object> empty = new ArrayList<>();
        empty.add(null);
        empty.add(null);
        empty.add(0);
        return empty;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
