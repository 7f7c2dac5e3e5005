package org.factlab.ui.compare;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.factlab.experiments.sections.Axis;
import org.factlab.runs.compare.AxisRange;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.runs.compare.CurveBand;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.charts.LineChart;

/**
 * The comparison's charts, one per chosen series: each group of runs as a mean curve in its colour, ± one standard
 * deviation as thinner dashed curves, on the y range the runs' kind declares for the series ({@link AxisRange}).
 * Every similarity chart of one comparison shares one y range, so that they compare at a glance; a chart's title
 * names the series and its y axis says nothing the title already says.
 */
final class CompareCharts extends Div {

    private static final double MEAN_WIDTH = 2;
    private static final double BAND_WIDTH = 1;

    private final Map<String, CompareChart> chartsBySeries = new LinkedHashMap<>();

    /** A chart of the comparison with its figure downloads beneath it. */
    private record CompareChart(Div cell, LineChart chart, Anchor svg, Anchor png) {}

    /** One group's drawn curves and their styles. */
    private record Drawn(List<LineChart.Series> data, Map<String, LineChart.SeriesStyle> styles, double[] means) {}

    CompareCharts() {
        addClassName("chart-grid");
        setId("compare-charts");
    }

    /**
     * Draws the chosen series; the charts already on the page get new data instead of being rebuilt.
     *
     * @param curves each run's curves by id, then series
     * @param label  a series' label as the paper writes it
     * @param axes   a series' declared y axis, if a section of the runs' kind charts it
     */
    void render(
            CompareState state,
            List<CompareGroups.Group> groups,
            List<String> colours,
            Map<String, Map<String, NavigableMap<Long, Double>>> curves,
            UnaryOperator<String> label,
            Function<String, Optional<Axis>> axes) {
        Map<String, CompareChart> previous = new LinkedHashMap<>(chartsBySeries);
        chartsBySeries.clear();
        previous.forEach((series, cell) -> {
            if (!state.series().contains(series)) {
                remove(cell.cell());
            }
        });
        Map<String, Drawn> drawn = new LinkedHashMap<>();
        state.series().forEach(series -> drawn.put(series, draw(series, groups, colours, curves)));
        double[] similarityRange = sharedSimilarityRange(drawn, axes);
        for (String series : state.series()) {
            CompareChart cell = previous.containsKey(series) ? previous.get(series) : newChart(series, label);
            chartsBySeries.put(series, cell);
            Drawn d = drawn.get(series);
            LineChart chart = cell.chart();
            chart.setLogScale(state.log());
            Optional<Axis> axis = axes.apply(series);
            chart.setYRange(
                    axis.filter(AxisRange::isSimilarity).isPresent()
                            ? similarityRange
                            : axis.map(a -> AxisRange.fixed(
                                            a,
                                            Arrays.stream(d.means()).min().orElse(0),
                                            Arrays.stream(d.means()).max().orElse(0)))
                                    .orElse(null));
            chart.setSeriesStyles(d.styles());
            chart.setData(d.data());
            String query = "?" + state.figureQuery(series);
            cell.svg().setHref("/api/compare/chart.svg" + query);
            cell.png().setHref("/api/compare/chart.png" + query);
            if (!previous.containsKey(series)) {
                add(cell.cell());
            }
        }
    }

    private static Drawn draw(
            String series,
            List<CompareGroups.Group> groups,
            List<String> colours,
            Map<String, Map<String, NavigableMap<Long, Double>>> curves) {
        List<LineChart.Series> data = new ArrayList<>();
        Map<String, LineChart.SeriesStyle> styles = new LinkedHashMap<>();
        List<double[]> means = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            CompareGroups.Group g = groups.get(i);
            String colour = colours.get(i);
            List<NavigableMap<Long, Double>> members = g.runs().stream()
                    .map(r -> curves.getOrDefault(r.id(), Map.of()).getOrDefault(series, new TreeMap<>()))
                    .filter(c -> !c.isEmpty())
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            CurveBand band = CurveBand.of(members);
            data.add(new LineChart.Series(g.label(), band.steps(), band.mean()));
            styles.put(g.label(), new LineChart.SeriesStyle(colour, false, MEAN_WIDTH));
            means.add(band.mean());
            if (members.size() > 1) {
                for (String side : List.of(" · +1 std", " · −1 std")) {
                    double[] y = side.contains("+") ? band.upper() : band.lower();
                    data.add(new LineChart.Series(g.label() + side, band.steps(), y));
                    styles.put(g.label() + side, new LineChart.SeriesStyle(colour, true, BAND_WIDTH));
                }
            }
        }
        double[] finite = means.stream()
                .flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite)
                .toArray();
        return new Drawn(data, styles, finite);
    }

    /** [0, 1] for every similarity chart, or [−1, 1] for all of them when any of their means is negative. */
    private static double[] sharedSimilarityRange(Map<String, Drawn> drawn, Function<String, Optional<Axis>> axes) {
        double[] values = drawn.entrySet().stream()
                .filter(e ->
                        axes.apply(e.getKey()).filter(AxisRange::isSimilarity).isPresent())
                .flatMapToDouble(e -> Arrays.stream(e.getValue().means()))
                .toArray();
        return AxisRange.fixed(
                Axis.similarity(""),
                Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).max().orElse(0));
    }

    private CompareChart newChart(String series, UnaryOperator<String> label) {
        LineChart chart = new LineChart();
        chart.setTitle(label.apply(series));
        chart.setYAxisName("");
        chart.setId("compare-chart-" + series);
        Anchor svg = DownloadLink.to("", "SVG");
        Anchor png = DownloadLink.to("", "PNG (2×)");
        svg.setId("compare-svg-" + series);
        png.setId("compare-png-" + series);
        Div links = new Div(new Span("As a figure: "), svg, new Span(" · "), png);
        Div cell = new Div(chart, links);
        cell.getStyle().set("grid-column", "1 / -1"); // the full width: room for the curves' labels in the legend
        return new CompareChart(cell, chart, svg, png);
    }
}
