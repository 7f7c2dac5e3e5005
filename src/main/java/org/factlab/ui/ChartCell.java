package org.factlab.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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

    LineChart chart() {
        return chart;
    }
}
