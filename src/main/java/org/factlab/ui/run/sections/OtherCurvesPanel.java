package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.factlab.experiments.paper.ChartGroups;
import org.factlab.experiments.paper.PaperNotation;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.experiments.paper.TexText;
import org.factlab.ui.charts.LineChart;

/**
 * The series no declared section shows (a kind that declares nothing, a series added later), so that nothing
 * recorded is hidden: one chart per group of {@link ChartGroups}, named by the group; hidden while there are none.
 */
final class OtherCurvesPanel extends VerticalLayout implements SectionPanel {

    private final Predicate<String> claimed;
    private final Div grid = new Div();
    private final Map<String, ChartCell> charts = new LinkedHashMap<>();

    /** @param claimed true for series a declared section shows */
    OtherCurvesPanel(Predicate<String> claimed) {
        this.claimed = claimed;
        setPadding(false);
        grid.addClassName("chart-grid");
        grid.setId("curves");
        add(new H3("Other series"), grid);
        setVisible(false);
    }

    @Override
    public void show(RunPageData data) {
        Map<String, Map<String, double[][]>> groups = new TreeMap<>();
        new TreeMap<>(data.curves()).forEach((name, xy) -> { // by key: the order of the chart's figure file
            if (!claimed.test(name)) {
                groups.computeIfAbsent(ChartGroups.of(name), k -> new LinkedHashMap<>())
                        .put(legend(name), xy);
            }
        });
        data.overlays()
                .forEach((run, curves) -> curves.forEach((name, xy) -> {
                    if (groups.containsKey(ChartGroups.of(name))) {
                        groups.get(ChartGroups.of(name)).put(ChartCell.overlaid(run, legend(name)), xy);
                    }
                }));
        groups.forEach((group, series) -> {
            ChartCell cell = charts.computeIfAbsent(group, this::addChart);
            List<LineChart.Series> list = new ArrayList<>();
            series.forEach((name, xy) -> list.add(new LineChart.Series(name, xy[0], xy[1])));
            cell.draw(list);
        });
        setVisible(!groups.isEmpty());
    }

    /** An undeclared series in the paper's notation ("√AGOP") or in words ("Test accuracy"), never its key. */
    private static String legend(String series) {
        String method = PaperNotation.method(series);
        return method != null ? TexText.of(method) : SeriesLabels.words(series);
    }

    private ChartCell addChart(String group) {
        ChartCell cell = new ChartCell(
                "chart-" + group, ChartGroups.title(group), ChartGroups.yAxis(group), ChartGroups.logByDefault(group));
        cell.chart().setWholeNumberX(true);
        grid.add(cell);
        return cell;
    }
}
