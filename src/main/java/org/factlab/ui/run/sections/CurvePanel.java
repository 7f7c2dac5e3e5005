package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.ui.charts.LineChart;

/**
 * A {@link CurvesSection}: one live line chart per declared chart, with its declared curves, legend entries and
 * axes, plus the same curves of the runs overlaid on the page ("run · label"). A chart without data is hidden, the
 * whole section while none has data.
 */
final class CurvePanel extends VerticalLayout implements SectionPanel {

    private final CurvesSection section;
    private final Map<Chart, ChartCell> cells = new LinkedHashMap<>();

    CurvePanel(CurvesSection section) {
        this.section = section;
        setId(section.id());
        setPadding(false);
        Div grid = new Div();
        grid.addClassName("chart-grid");
        for (Chart chart : section.charts()) {
            ChartCell cell = new ChartCell(chart.id(), chart.title(), chart.x(), chart.y());
            cell.setVisible(false);
            cells.put(chart, cell);
            grid.add(cell);
        }
        add(new H3(TexText.of(section.title())));
        if (!section.description().isEmpty()) {
            add(new Paragraph(TexText.of(section.description())));
        }
        add(grid);
        setVisible(false);
    }

    @Override
    public void show(RunPageData data) {
        boolean any = false;
        for (Map.Entry<Chart, ChartCell> e : cells.entrySet()) {
            List<LineChart.Series> series = series(e.getKey(), data);
            boolean has = series.stream().anyMatch(s -> s.x().length > 0);
            if (has) {
                e.getValue().draw(series);
            }
            e.getValue().setVisible(has);
            any |= has;
        }
        setVisible(any);
    }

    /** The chart's declared curves that have data, then each overlaid run's. */
    static List<LineChart.Series> series(Chart chart, RunPageData data) {
        List<LineChart.Series> out = new ArrayList<>();
        for (Curve c : chart.curves()) {
            double[][] xy = data.curves().get(c.series());
            if (xy != null) {
                out.add(new LineChart.Series(TexText.of(c.label()), xy[0], xy[1]));
            }
        }
        data.overlays()
                .forEach((run, curves) -> chart.curves().forEach(c -> {
                    double[][] xy = curves.get(c.series());
                    if (xy != null) {
                        out.add(new LineChart.Series(ChartCell.overlaid(run, TexText.of(c.label())), xy[0], xy[1]));
                    }
                }));
        return out;
    }
}
