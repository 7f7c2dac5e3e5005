package org.factlab.experiments.sections;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feature alignment per layer: for one chosen layer a curve per method in each similarity chart, or for all layers
 * a curve per layer of one chosen method; charts of one quantity per layer (a curve per layer); and plain charts
 * (training curves). Layer charts' series are patterns with {@code {layer}} (1, 2, …) and, for similarity charts,
 * {@code {method}}; the page finds the layers from the recorded series.
 *
 * @param methods the methods in the paper's order, each with its forward and backward legend entries
 */
public record LayerAlignmentSection(
        String id,
        String title,
        String description,
        List<Method> methods,
        List<LayerChart> layerCharts,
        List<Chart> charts)
        implements Section {

    /**
     * A method (a prediction of the neural feature matrix); {@code backwardLabel} null when it has no backward form.
     */
    public record Method(String id, String label, String backwardLabel) {}

    /**
     * A chart over layers: with {@code perMethod} a similarity whose pattern has {@code {layer}} and {@code {method}}
     * ({@code backward}: the methods' backward labels, and only methods with one); otherwise one series per layer.
     * {@code onlyWhen}: null when always recorded. The chart's title gets the chosen layer or method appended.
     */
    public record LayerChart(
            String id, String title, Axis y, String pattern, boolean perMethod, boolean backward, String onlyWhen) {}

    public LayerAlignmentSection {
        methods = List.copyOf(methods);
        layerCharts = List.copyOf(layerCharts);
        charts = List.copyOf(charts);
    }

    /** The declared names at layer 1: every method of every similarity chart, every per-layer series, the charts'. */
    @Override
    public List<Declared> declared() {
        List<Declared> out = new java.util.ArrayList<>();
        for (LayerChart c : layerCharts) {
            if (c.perMethod()) {
                methods.stream()
                        .filter(m -> !c.backward() || m.backwardLabel() != null)
                        .forEach(
                                m -> out.add(new Declared(series(c, 1, m.id()), Declared.Source.SERIES, c.onlyWhen())));
            } else {
                out.add(new Declared(series(c, 1, null), Declared.Source.SERIES, c.onlyWhen()));
            }
        }
        charts.forEach(chart -> chart.curves()
                .forEach(curve -> out.add(new Declared(curve.series(), Declared.Source.SERIES, curve.onlyWhen()))));
        return out;
    }

    /** Any layer's and method's instance of the layer charts, and the plain charts' series. */
    @Override
    public boolean claims(String series) {
        return layerCharts.stream().anyMatch(c -> SeriesPattern.matches(c.pattern(), series))
                || charts.stream()
                        .anyMatch(c ->
                                c.curves().stream().anyMatch(v -> v.series().equals(series)));
    }

    /** A layer chart's axis for any layer's (and method's) instance of its pattern, else a plain chart's. */
    @Override
    public Optional<Axis> valueAxis(String series) {
        return layerCharts.stream()
                .filter(c -> SeriesPattern.matches(c.pattern(), series))
                .map(LayerChart::y)
                .findFirst()
                .or(() -> Chart.axisOf(charts, series));
    }

    /** The series of a layer chart at {@code layer} (and {@code method} for similarity charts). */
    public static String series(LayerChart chart, int layer, String method) {
        return SeriesPattern.fill(
                chart.pattern(),
                method == null
                        ? Map.of("layer", Integer.toString(layer))
                        : Map.of("layer", Integer.toString(layer), "method", method));
    }
}
