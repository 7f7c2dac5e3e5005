package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.LayerAlignmentSection.LayerChart;
import org.factlab.ui.charts.LineChart;
import org.factlab.ui.run.sections.AlignmentCharts.Selection;

/**
 * A {@link LayerAlignmentSection} ("Feature alignment"): similarity charts for one chosen layer (a curve per
 * method) or for all layers (a curve per layer of a chosen method), the per-layer charts and the plain charts.
 * Shown as soon as one of its series arrives; the selectors redraw from the latest curves.
 */
final class AlignmentPanel extends VerticalLayout implements SectionPanel {

    private static final String DEFAULT_METHOD = "fact";

    private final LayerAlignmentSection section;
    private final Select<Integer> layer = new Select<>();
    private final Select<String> method = new Select<>();
    private final Map<String, ChartCell> cells = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private Map<String, double[][]> latest = Map.of();
    /** The overlaid runs' curves: run label → series → {steps, values}. */
    private Map<String, Map<String, double[][]>> overlays = Map.of();

    private List<Integer> layerChoices = List.of();
    private List<String> methodChoices = List.of();
    /** True while the selectors' items are replaced, so that their listeners do not redraw half-way. */
    private boolean refreshing;
    /** The selection the similarity charts' titles name. */
    private String titled = "";

    AlignmentPanel(LayerAlignmentSection section) {
        this.section = section;
        setId(section.id());
        setPadding(false);
        layer.setId(section.id() + "-layer");
        layer.setLabel("Layer");
        layer.setItemLabelGenerator(l -> l == Selection.ALL_LAYERS ? "all layers" : AlignmentCharts.layerLabel(l));
        layer.addValueChangeListener(e -> redraw());
        method.setId(section.id() + "-method");
        method.setLabel("Method (curve per layer)");
        method.setItemLabelGenerator(m -> AlignmentCharts.methodLabel(section, m));
        method.addValueChangeListener(e -> redraw());
        method.setVisible(false);
        Div similarities = new Div();
        similarities.addClassName("chart-grid");
        Div others = new Div();
        others.addClassName("chart-grid");
        Axis steps = section.charts().isEmpty()
                ? Axis.steps("step")
                : section.charts().get(0).x();
        for (LayerChart chart : section.layerCharts()) {
            (chart.perMethod() ? similarities : others).add(cell(chart.id(), chart.title(), steps, chart.y()));
        }
        for (Chart chart : section.charts()) {
            others.add(cell(chart.id(), chart.title(), chart.x(), chart.y()));
        }
        add(
                new H3(TexText.of(section.title())),
                new Paragraph(TexText.of(section.description())),
                new HorizontalLayout(layer, method),
                similarities,
                others);
        setVisible(false);
    }

    @Override
    public void show(RunPageData data) {
        latest = data.curves();
        overlays = data.overlays();
        if (AlignmentCharts.layers(section, latest).isEmpty()) {
            return;
        }
        setVisible(true);
        refreshChoices();
        redraw();
    }

    private void refreshChoices() {
        List<Integer> layers = new ArrayList<>(AlignmentCharts.layers(section, latest));
        List<String> methods = AlignmentCharts.methods(section, latest, layers);
        layers.add(Selection.ALL_LAYERS);
        refreshing = true;
        if (!layers.equals(layerChoices)) {
            Integer chosen = layer.getValue();
            layerChoices = layers;
            layer.setItems(layers);
            layer.setValue(chosen != null && layers.contains(chosen) ? chosen : layers.get(0));
        }
        if (!methods.equals(methodChoices) && !methods.isEmpty()) {
            String chosen = method.getValue();
            methodChoices = methods;
            method.setItems(methods);
            method.setValue(
                    chosen != null && methods.contains(chosen)
                            ? chosen
                            : methods.contains(DEFAULT_METHOD) ? DEFAULT_METHOD : methods.get(0));
        }
        refreshing = false;
    }

    private void redraw() {
        if (refreshing || layer.getValue() == null) {
            return;
        }
        boolean allLayers = layer.getValue() == Selection.ALL_LAYERS;
        method.setVisible(allLayers);
        Selection selection = allLayers ? Selection.allLayers(method.getValue()) : Selection.layer(layer.getValue());
        String chosen = allLayers
                ? AlignmentCharts.methodLabel(section, selection.method()) + ", all layers"
                : AlignmentCharts.layerLabel(selection.layer());
        boolean retitle = !chosen.equals(titled);
        titled = chosen;
        Map<String, List<LineChart.Series>> drawn = AlignmentCharts.curves(section, latest, selection);
        overlays.forEach((run, curves) -> AlignmentCharts.curves(section, curves, selection)
                .forEach((id, series) -> {
                    List<LineChart.Series> all = new ArrayList<>(drawn.getOrDefault(id, List.of()));
                    series.forEach(c -> all.add(new LineChart.Series(ChartCell.overlaid(run, c.name()), c.x(), c.y())));
                    drawn.put(id, all);
                }));
        drawn.forEach((id, series) -> {
            ChartCell cell = cells.get(id);
            if (retitle && section.layerCharts().stream().anyMatch(c -> c.id().equals(id) && c.perMethod())) {
                cell.chart().setTitle(titles.get(id) + " · " + chosen);
            }
            cell.draw(series);
            cell.setVisible(!series.isEmpty());
        });
    }

    private ChartCell cell(String id, String title, Axis x, Axis y) {
        ChartCell cell = new ChartCell(id, title, x, y);
        cell.setVisible(false);
        cells.put(id, cell);
        titles.put(id, title);
        return cell;
    }
}
