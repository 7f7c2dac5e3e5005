package org.factlab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.factlab.ui.AlignmentCharts.Chart;
import org.factlab.ui.AlignmentCharts.Selection;

/**
 * The "Feature alignment" section of a run with layer-wise series (shown as soon as one arrives, whatever the
 * kind): similarity charts for one chosen layer (a curve per method) or for all layers (a curve per layer of a
 * chosen method), the stationarity charts and the training charts. Fed with the run's whole curves on every live
 * update; the selectors redraw from the latest curves.
 */
final class AlignmentPanel extends VerticalLayout {

    private static final String DEFAULT_METHOD = "fact";

    private final Select<Integer> layer = new Select<>();
    private final Select<String> method = new Select<>();
    private final Map<Chart, ChartCell> cells = new EnumMap<>(Chart.class);
    private Map<String, double[][]> latest = Map.of();
    private List<Integer> layerChoices = List.of();
    private List<String> methodChoices = List.of();
    /** True while the selectors' items are replaced, so that their listeners do not redraw half-way. */
    private boolean refreshing;
    /** The selection the similarity charts' titles name. */
    private String titled = "";

    AlignmentPanel() {
        setId("alignment");
        setPadding(false);
        layer.setId("alignment-layer");
        layer.setLabel("Layer");
        layer.setItemLabelGenerator(l -> l == Selection.ALL_LAYERS ? "all layers" : AlignmentCharts.layerLabel(l));
        layer.addValueChangeListener(e -> redraw());
        method.setId("alignment-method");
        method.setLabel("Method (curve per layer)");
        method.setItemLabelGenerator(m -> SeriesNames.methodLabel(m, false));
        method.addValueChangeListener(e -> redraw());
        method.setVisible(false);
        Div similarities = grid(Chart.PEARSON, Chart.COSINE, Chart.BACKWARD_PEARSON, Chart.BACKWARD_COSINE);
        Div stationarity = grid(Chart.GRAD_NORM, Chart.RELERR, Chart.LOSS, Chart.ACCURACY);
        add(new H3("Feature alignment"), new Paragraph("How well each method predicts the layer's neural feature "
                        + "matrix WᵀW (forward) or WWᵀ (backward) over training, then stationarity and training curves."),
                new HorizontalLayout(layer, method), similarities, stationarity);
        setVisible(false);
    }

    /** Shows a run's curves (series name → {steps, values}); visible once a layer-wise series is among them. */
    void show(Map<String, double[][]> curves) {
        latest = curves;
        if (curves.keySet().stream().noneMatch(SeriesNames::isLayerWise)) {
            return;
        }
        setVisible(true);
        refreshChoices();
        redraw();
    }

    private void refreshChoices() {
        List<Integer> layers = new ArrayList<>(AlignmentCharts.layers(latest));
        layers.add(Selection.ALL_LAYERS);
        List<String> methods = AlignmentCharts.methods(latest);
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
            method.setValue(chosen != null && methods.contains(chosen) ? chosen
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
        String chosen = allLayers ? SeriesNames.methodLabel(selection.method(), false) + ", all layers"
                : AlignmentCharts.layerLabel(selection.layer());
        boolean retitle = !chosen.equals(titled);
        titled = chosen;
        AlignmentCharts.curves(latest, selection).forEach((chart, series) -> {
            ChartCell cell = cells.get(chart);
            if (retitle && chart.family != null) {
                cell.chart().setTitle(chart.title + " · " + chosen);
            }
            cell.chart().setData(series);
            cell.setVisible(!series.isEmpty());
        });
    }

    private Div grid(Chart... charts) {
        Div grid = new Div();
        grid.addClassName("chart-grid");
        for (Chart chart : charts) {
            ChartCell cell = new ChartCell(chart.id, chart.title, chart.yAxis, chart.log);
            cell.setVisible(false);
            cells.put(chart, cell);
            grid.add(cell);
        }
        return grid;
    }
}
