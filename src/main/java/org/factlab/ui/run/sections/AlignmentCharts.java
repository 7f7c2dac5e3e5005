package org.factlab.ui.run.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.LayerAlignmentSection.LayerChart;
import org.factlab.experiments.sections.LayerAlignmentSection.Method;
import org.factlab.experiments.sections.SeriesPattern;
import org.factlab.ui.charts.LineChart;

/**
 * What a {@link LayerAlignmentSection} draws from a run's curves: for one layer, a curve per declared method (in
 * the declared order, with its forward or backward label) in each similarity chart; for all layers, a curve per
 * layer of one chosen method. Charts of one quantity per layer have a curve per layer; plain charts their declared
 * curves.
 */
final class AlignmentCharts {

    /** Which curves the similarity charts show: every method of one layer, or one method for every layer. */
    record Selection(int layer, String method) {
        static final int ALL_LAYERS = 0;

        static Selection layer(int layer) {
            return new Selection(layer, null);
        }

        static Selection allLayers(String method) {
            return new Selection(ALL_LAYERS, method);
        }

        boolean allLayers() {
            return layer == ALL_LAYERS;
        }
    }

    private AlignmentCharts() {}

    /** The layers that have a series of any layer chart, ascending. */
    static SortedSet<Integer> layers(LayerAlignmentSection section, Map<String, double[][]> curves) {
        SortedSet<Integer> layers = new TreeSet<>();
        for (LayerChart chart : section.layerCharts()) {
            for (String name : curves.keySet()) {
                String layer = SeriesPattern.part(chart.pattern(), "layer", name);
                if (layer != null
                        && layer.matches("[1-9][0-9]{0,5}")
                        && (!chart.perMethod()
                                || isMethod(section, SeriesPattern.part(chart.pattern(), "method", name)))) {
                    layers.add(Integer.parseInt(layer));
                }
            }
        }
        return layers;
    }

    /** The declared methods that have a similarity series at some layer, in the declared order. */
    static List<String> methods(
            LayerAlignmentSection section, Map<String, double[][]> curves, Iterable<Integer> layers) {
        List<String> methods = new ArrayList<>();
        for (Method m : section.methods()) {
            boolean has = false;
            for (LayerChart chart : section.layerCharts()) {
                for (int layer : layers) {
                    has |= chart.perMethod() && curves.containsKey(LayerAlignmentSection.series(chart, layer, m.id()));
                }
            }
            if (has) {
                methods.add(m.id());
            }
        }
        return methods;
    }

    /** Every chart's curves (by chart id) for the selection; a chart without curves maps to an empty list. */
    static Map<String, List<LineChart.Series>> curves(
            LayerAlignmentSection section, Map<String, double[][]> curves, Selection selection) {
        SortedSet<Integer> layers = layers(section, curves);
        Map<String, List<LineChart.Series>> out = new LinkedHashMap<>();
        for (LayerChart chart : section.layerCharts()) {
            List<LineChart.Series> series = new ArrayList<>();
            if (chart.perMethod() && !selection.allLayers()) {
                for (Method m : section.methods()) {
                    String label = chart.backward() ? m.backwardLabel() : m.label();
                    add(series, label, curves.get(LayerAlignmentSection.series(chart, selection.layer(), m.id())));
                }
            } else {
                for (int layer : layers) {
                    add(
                            series,
                            layerLabel(layer),
                            curves.get(LayerAlignmentSection.series(
                                    chart, layer, chart.perMethod() ? selection.method() : null)));
                }
            }
            out.put(chart.id(), series);
        }
        for (Chart chart : section.charts()) {
            List<LineChart.Series> series = new ArrayList<>();
            for (Curve c : chart.curves()) {
                add(series, c.label(), curves.get(c.series()));
            }
            out.put(chart.id(), series);
        }
        return out;
    }

    /** A curve's label in a chart of every layer. */
    static String layerLabel(int layer) {
        return "layer " + layer;
    }

    /** The forward label of a declared method; its id when it is not declared. */
    static String methodLabel(LayerAlignmentSection section, String method) {
        return section.methods().stream()
                .filter(m -> m.id().equals(method))
                .map(Method::label)
                .findFirst()
                .orElse(method);
    }

    private static boolean isMethod(LayerAlignmentSection section, String method) {
        return section.methods().stream().anyMatch(m -> m.id().equals(method));
    }

    private static void add(List<LineChart.Series> series, String label, double[][] xy) {
        if (label != null && xy != null) {
            series.add(new LineChart.Series(TexText.of(label), xy[0], xy[1]));
        }
    }
}
