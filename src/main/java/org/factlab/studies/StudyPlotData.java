package org.factlab.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.experiments.sections.Section;
import org.factlab.experiments.sweep.SeedStats;
import org.factlab.experiments.sweep.StudyTable;
import org.factlab.runs.compare.AxisRange;
import org.factlab.runs.compare.FieldText;

/**
 * One summary value of a study against one swept field: a line per combination of the other swept fields' values
 * ("τ = 0.02, width = 10"), through the mean over the seeds of each setting, with the sample standard deviation
 * for its error bar ({@link SeedStats}: NaN below two seeds, NaN mean without a succeeded run).
 *
 * @param categories the field's values in order when they are not all numbers (x are then their indices), else null
 * @param logX       numeric values all positive and spanning a decade or more (n = 1K … 60K, λ = 1e-4 … 1e-3)
 * @param yRange     the fixed y range of the value's declared axis ({@link AxisRange}), else null
 */
public record StudyPlotData(
        String key, String field, List<String> categories, boolean logX, double[] yRange, List<Line> lines) {

    /** Points of one line, in ascending x. */
    public record Line(String label, double[] x, double[] mean, double[] std, int[] n) {}

    /** The label of the single line of a study that sweeps one field. */
    public static final String ONLY_LINE = "mean ± std over seeds";
    /** A field whose values span a decade or more (λ 1e-4, 1e-3) is drawn on a log axis by default. */
    private static final double LOG_SPAN = 10;

    /** @param sections the study's kind's sections: {@code key}'s declared axis gives the fixed y range */
    public static StudyPlotData of(StudyTable table, String field, String key, List<Section> sections) {
        table.requireAxis("field", field);
        List<String> others =
                table.axes().stream().filter(a -> !a.equals(field)).toList();
        Set<Object> values = new LinkedHashSet<>();
        table.rows().forEach(r -> values.add(r.setting().get(field)));
        boolean numeric = values.stream().allMatch(v -> v instanceof Number);
        List<Object> order = new ArrayList<>(values);
        if (numeric) {
            order.sort((a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()));
        }
        Map<List<Object>, StudyTable.Row[]> byOthers = new LinkedHashMap<>();
        for (StudyTable.Row r : table.rows()) {
            List<Object> rest = others.stream().map(a -> r.setting().get(a)).toList();
            byOthers.computeIfAbsent(rest, k -> new StudyTable.Row[order.size()])[
                    order.indexOf(r.setting().get(field))] = r;
        }
        List<Line> lines = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Map.Entry<List<Object>, StudyTable.Row[]> group : byOthers.entrySet()) {
            StudyTable.Row[] rows = group.getValue();
            double[] x = new double[rows.length];
            double[] mean = new double[rows.length];
            double[] std = new double[rows.length];
            int[] n = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                x[i] = numeric ? ((Number) order.get(i)).doubleValue() : i;
                SeedStats s = rows[i] == null
                        ? SeedStats.of(List.of())
                        : rows[i].stats().getOrDefault(key, SeedStats.of(List.of()));
                mean[i] = s.mean();
                std[i] = s.std();
                n[i] = s.n();
                double spread = Double.isFinite(s.std()) ? s.std() : 0;
                if (Double.isFinite(s.mean())) {
                    low = Math.min(low, s.mean() - spread);
                    high = Math.max(high, s.mean() + spread);
                }
            }
            Map<String, Object> setting = new LinkedHashMap<>();
            for (int i = 0; i < others.size(); i++) {
                setting.put(others.get(i), group.getKey().get(i));
            }
            lines.add(new Line(others.isEmpty() ? ONLY_LINE : FieldText.of(others, setting), x, mean, std, n));
        }
        double smallest = numeric
                ? order.stream()
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .min()
                        .orElse(0)
                : 0;
        double largest = numeric
                ? order.stream()
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .max()
                        .orElse(0)
                : 0;
        boolean logX = numeric && smallest > 0 && largest / smallest >= LOG_SPAN;
        List<String> categories =
                numeric ? null : order.stream().map(FieldText::value).toList();
        return new StudyPlotData(key, field, categories, logX, AxisRange.fixed(sections, key, low, high), lines);
    }
}
