package org.factlab.ui;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.factlab.experiments.paper.ChartGroups;
import org.factlab.ui.charts.LineChart;

/**
 * One live line chart per group of series, each with a log-scale toggle; titles and legend entries as the paper
 * writes them where the kind declares labels ({@code ExperimentKind.curveLabel}).
 */
final class CurvePanel extends Div {

    /** Groups whose values are similarities in [−1, 1]: linear axis by default; all others start in log scale. */
    private static final Set<String> LINEAR = Set.of("cosine", "pearson", "accuracy");

    private final Map<String, LineChart> charts = new LinkedHashMap<>();
    private UnaryOperator<String> labels = UnaryOperator.identity();

    CurvePanel() {
        addClassName("chart-grid");
        setId("curves");
    }

    /** The legend entry of a series (the series key stays the chart's data contract in CSV and API). */
    void setLabels(UnaryOperator<String> labels) {
        this.labels = labels;
    }

    void show(Map<String, Map<String, double[][]>> groups) {
        groups.forEach((group, series) -> {
            LineChart chart = charts.computeIfAbsent(group, this::addChart);
            List<LineChart.Series> data = new ArrayList<>();
            series.forEach((name, xy) -> data.add(new LineChart.Series(labels.apply(name), xy[0], xy[1])));
            chart.setData(data);
        });
    }

    /** Removes every chart (e.g. when the set of overlaid runs changes); the next show() rebuilds them. */
    void clear() {
        removeAll();
        charts.clear();
    }

    private LineChart addChart(String group) {
        ChartCell cell = new ChartCell("chart-" + group, ChartGroups.title(group), ChartGroups.yAxis(group),
                !LINEAR.contains(group));
        add(cell);
        return cell.chart();
    }
}
