package org.factlab.ui.compare;

import com.vaadin.flow.router.QueryParameters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.runs.compare.CompareGroups;

/**
 * What a comparison shows, kept in its URL so that it can be shared:
 * {@code /compare?runs=a,b,c&series=test/accuracy,trace_M&groupBy=spec&colour=n&matrix=M&step=5&log=true}.
 *
 * @param groupBy {@link #GROUP_SPEC} (runs whose specs differ only in the seed become one mean ± std curve),
 *                {@link #GROUP_NONE} (one curve per run), or comma-separated field names (runs sharing those
 *                fields' values are averaged)
 * @param colour  the field whose value leads each curve's label, orders the curves and gives their colour (null: none)
 * @param matrix  the matrix shown side by side for every run (null: none)
 * @param step    the heatmaps' step (null: each run's latest)
 * @param log     the curves' y axes are logarithmic
 */
public record CompareState(
        List<String> runs, List<String> series, String groupBy, String colour, String matrix, Long step, boolean log) {

    static final String GROUP_SPEC = CompareGroups.GROUP_SPEC;
    static final String GROUP_NONE = CompareGroups.GROUP_NONE;

    public CompareState {
        runs = List.copyOf(runs);
        series = List.copyOf(series);
        groupBy = groupBy == null || groupBy.isBlank() ? GROUP_SPEC : groupBy;
    }

    public static CompareState of(List<String> runs) {
        return new CompareState(runs, List.of(), GROUP_SPEC, null, null, null, false);
    }

    static CompareState from(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        String stepText = first(p, "step");
        Long step = null;
        if (stepText != null && stepText.matches("\\d{1,18}")) {
            step = Long.parseLong(stepText);
        }
        return new CompareState(
                list(first(p, "runs")),
                list(first(p, "series")),
                first(p, "groupBy"),
                first(p, "colour"),
                first(p, "matrix"),
                step,
                "true".equals(first(p, "log")));
    }

    public QueryParameters toQuery() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "runs", String.join(",", runs));
        put(p, "series", String.join(",", series));
        put(p, "groupBy", groupBy);
        put(p, "colour", colour);
        put(p, "matrix", matrix);
        put(p, "step", step == null ? null : step.toString());
        put(p, "log", log ? "true" : null);
        return new QueryParameters(p);
    }

    /** The location to navigate or link to, e.g. {@code compare?runs=a,b}. */
    public String location() {
        return "compare?" + toQuery().getQueryString();
    }

    /**
     * The query of one chart's figure download ({@code /api/compare/chart.svg?…}): the runs, that series, the
     * grouping, the colour field and the scale.
     */
    String figureQuery(String oneSeries) {
        return new CompareState(runs, List.of(oneSeries), groupBy, colour, null, null, log)
                .toQuery()
                .getQueryString();
    }

    CompareState withSeries(List<String> s) {
        return new CompareState(runs, s, groupBy, colour, matrix, step, log);
    }

    CompareState withGroupBy(String g) {
        return new CompareState(runs, series, g, colour, matrix, step, log);
    }

    CompareState withColour(String c) {
        return new CompareState(runs, series, groupBy, c, matrix, step, log);
    }

    CompareState withMatrix(String m, Long s) {
        return new CompareState(runs, series, groupBy, colour, m, s, log);
    }

    CompareState withLog(boolean l) {
        return new CompareState(runs, series, groupBy, colour, matrix, step, l);
    }

    private static void put(Map<String, List<String>> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, List.of(value));
        }
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> values = p.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static List<String> list(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
