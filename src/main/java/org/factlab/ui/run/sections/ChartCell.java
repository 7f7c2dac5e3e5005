package org.factlab.ui.run.sections;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.factlab.experiments.sections.Axis;
import org.factlab.ui.charts.LineChart;

/** A line chart with its log-scale toggle beneath it, as one cell of a chart grid. */
final class ChartCell extends VerticalLayout {

    private final LineChart chart = new LineChart();

    ChartCell(String id, String title, String yAxisName, boolean logScale) {
        chart.setId(id);
        chart.setTitle(title);
        chart.setYAxisName(yAxisName);
        chart.setLogScale(logScale);
        add(chart, new Checkbox("log scale", logScale, e -> chart.setLogScale(e.getValue())));
        setPadding(false);
        setSpacing(false);
    }

    /** A chart with declared axes: names with units, fixed ranges, log scale, whole-number steps, the origin. */
    ChartCell(String id, String title, Axis x, Axis y) {
        this(id, title, y.title(), y.log());
        chart.setXAxisName(x.title());
        chart.setRanges(x.min(), x.max(), y.min(), y.max());
        chart.setWholeNumberX(x.wholeNumbers());
        chart.setIncludeOrigin(x.includeOrigin() || y.includeOrigin());
    }

    LineChart chart() {
        return chart;
    }
}
