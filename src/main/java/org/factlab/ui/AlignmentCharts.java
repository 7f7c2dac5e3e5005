package org.factlab.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import org.factlab.ui.charts.LineChart;

/**
 * What the feature-alignment section draws from a run's curves ({@link SeriesNames}): for one layer, a curve per
 * method in each similarity chart; for all layers, a curve per layer of one chosen method. The stationarity charts
 * have a curve per layer, the training charts the loss and the accuracies. Curves carry readable labels.
 */
final class AlignmentCharts {

    /** The section's charts in display order, with their element id, title, y axis name and default scale. */
    enum Chart {
        PEARSON(SeriesNames.Family.PEARSON, "alignment-pearson", "Pearson", false),
        COSINE(SeriesNames.Family.COSINE, "alignment-cosine", "cosine", false),
        BACKWARD_PEARSON(SeriesNames.Family.BACKWARD_PEARSON, "alignment-backward-pearson", "Pearson", false),
        BACKWARD_COSINE(SeriesNames.Family.BACKWARD_COSINE, "alignment-backward-cosine", "cosine", false),
        GRAD_NORM("stationarity-grad_norm", "Gradient norm ‖∇_W L_λ‖ per layer", "‖∇_W L_λ‖", true),
        RELERR("stationarity-relerr", "‖FACT − WᵀW‖_F / ‖WᵀW‖_F per layer", "relative error", true),
        LOSS("training-loss", "Training loss", "loss", true),
        ACCURACY("training-accuracy", "Accuracy", "accuracy", false);

        final SeriesNames.Family family;
        final String id;
        final String title;
        final String yAxis;
        final boolean log;

        Chart(SeriesNames.Family family, String id, String yAxis, boolean log) {
            this(family, id, family.title, yAxis, log);
        }

        Chart(String id, String title, String yAxis, boolean log) {
            this(null, id, title, yAxis, log);
        }

        Chart(SeriesNames.Family family, String id, String title, String yAxis, boolean log) {
            this.family = family;
            this.id = id;
            this.title = title;
            this.yAxis = yAxis;
            this.log = log;
        }
    }

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

    private AlignmentCharts() {
    }

    /** The layers that have similarity or stationarity series, ascending. */
    static SortedSet<Integer> layers(Map<String, double[][]> curves) {
        SortedSet<Integer> layers = new TreeSet<>();
        curves.keySet().forEach(name -> SeriesNames.alignment(name).ifPresentOrElse(a -> layers.add(a.layer()),
                () -> stationarityLayer(name).ifPresent(layers::add)));
        return layers;
    }

    /** The methods that have similarity series (forward or backward), in the paper's order. */
    static List<String> methods(Map<String, double[][]> curves) {
        SortedSet<String> methods = new TreeSet<>(SeriesNames.methodOrder());
        curves.keySet().forEach(name -> SeriesNames.alignment(name).ifPresent(a -> methods.add(a.method())));
        return List.copyOf(methods);
    }

    /**
     * Every chart's curves for the selection, in the paper's method order within a layer and by layer number across
     * layers; a chart without curves maps to an empty list.
     */
    static Map<Chart, List<LineChart.Series>> curves(Map<String, double[][]> curves, Selection selection) {
        Map<Chart, List<Curve>> byChart = new EnumMap<>(Chart.class);
        for (Chart chart : Chart.values()) {
            byChart.put(chart, new ArrayList<>());
        }
        curves.forEach((name, xy) -> {
            SeriesNames.alignment(name).filter(a -> selection.allLayers() ? a.method().equals(selection.method())
                    : a.layer() == selection.layer()).ifPresent(a -> byChart.get(chartOf(a.family())).add(new Curve(
                    a.layer(), a.method(), selection.allLayers() ? layerLabel(a.layer())
                    : SeriesNames.methodLabel(a.method(), a.family().backward), xy)));
            SeriesNames.layerOf(name, SeriesNames.GRAD_NORM).ifPresent(l -> byChart.get(Chart.GRAD_NORM)
                    .add(new Curve(l, "", layerLabel(l), xy)));
            SeriesNames.layerOf(name, SeriesNames.RELERR).ifPresent(l -> byChart.get(Chart.RELERR)
                    .add(new Curve(l, "", layerLabel(l), xy)));
        });
        addIfPresent(byChart.get(Chart.LOSS), "train loss", curves.get(SeriesNames.TRAIN_LOSS));
        for (String accuracy : SeriesNames.ACCURACIES) {
            addIfPresent(byChart.get(Chart.ACCURACY), accuracy.replace('/', ' '), curves.get(accuracy));
        }
        Comparator<Curve> order = Comparator.comparingInt(Curve::layer)
                .thenComparing(Curve::method, SeriesNames.methodOrder());
        Map<Chart, List<LineChart.Series>> series = new EnumMap<>(Chart.class);
        byChart.forEach((chart, list) -> series.put(chart, list.stream().sorted(order)
                .map(c -> new LineChart.Series(c.label(), c.xy()[0], c.xy()[1])).toList()));
        return series;
    }

    /** A curve's label in a chart of every layer. */
    static String layerLabel(int layer) {
        return "layer " + layer;
    }

    private static OptionalInt stationarityLayer(String name) {
        OptionalInt layer = SeriesNames.layerOf(name, SeriesNames.GRAD_NORM);
        return layer.isPresent() ? layer : SeriesNames.layerOf(name, SeriesNames.RELERR);
    }

    private static Chart chartOf(SeriesNames.Family family) {
        for (Chart chart : Chart.values()) {
            if (chart.family == family) {
                return chart;
            }
        }
        throw new IllegalArgumentException("no chart for " + family);
    }

    /** Training curves keep the order they are added in (the sort is stable). */
    private static void addIfPresent(List<Curve> chart, String label, double[][] xy) {
        if (xy != null) {
            chart.add(new Curve(0, "", label, xy));
        }
    }

    /** One curve and what orders it within its chart. */
    private record Curve(int layer, String method, String label, double[][] xy) {
    }
}
