package org.factlab.ui.run.sections;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.sections.Axis;
import org.factlab.runs.compare.CurveColours;
import org.factlab.ui.charts.LineChart;

/** A line chart with its log-scale toggle beneath it, as one cell of a chart grid. */
final class ChartCell extends VerticalLayout {

    private static final String OVERLAY = " · ";
    private static final double WIDTH = 1.5;

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

    /**
     * Draws the page's own curves in the palette's colours by position, and each overlaid run's curve
     * ("width = 64 · FACT") dashed, in the colour of the own curve it repeats (else the next palette colour).
     */
    void draw(List<LineChart.Series> series) {
        Map<String, LineChart.SeriesStyle> styles = new LinkedHashMap<>();
        int colours = 0;
        for (LineChart.Series s : series) {
            if (!s.name().contains(OVERLAY)) {
                styles.put(s.name(), new LineChart.SeriesStyle(CurveColours.categorical(colours++), false, WIDTH));
            }
        }
        for (LineChart.Series s : series) {
            if (s.name().contains(OVERLAY)) {
                String repeated = s.name().substring(s.name().indexOf(OVERLAY) + OVERLAY.length());
                LineChart.SeriesStyle own = styles.get(repeated);
                String colour = own != null ? own.color() : CurveColours.categorical(colours++);
                styles.put(s.name(), new LineChart.SeriesStyle(colour, true, WIDTH));
            }
        }
        chart.setSeriesStyles(styles);
        chart.setData(series);
    }

    /** An overlaid run's curve: its run's label, this separator, the curve's own label. */
    static String overlaid(String run, String label) {
        return run + OVERLAY + label;
    }
}
