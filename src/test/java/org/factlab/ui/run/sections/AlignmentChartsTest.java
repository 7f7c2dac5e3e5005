package org.factlab.ui.run.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.ui.charts.LineChart;
import org.factlab.ui.run.sections.AlignmentCharts.Selection;
import org.junit.jupiter.api.Test;

/** Which curve goes to which alignment chart, under which label, for a layer or for all layers of one method. */
class AlignmentChartsTest {

    /** The mlp kind's declared section, as the run page gets it. */
    private static final LayerAlignmentSection SECTION = MlpSections.alignment();

    /** Curves of these names, each with its own arrays (steps 0, 1, 2). */
    static Map<String, double[][]> curves(String... names) {
        Map<String, double[][]> curves = new java.util.TreeMap<>();
        for (String name : names) {
            curves.put(name, new double[][] {{0, 1, 2}, {0.1, 0.2, 0.3}});
        }
        return curves;
    }

    private static final List<String> FORWARD =
            List.of("fact", "sym_fact", "agop", "sqrt_agop", "agop_1_over_L", "enfa", "sqrt_enfa");
    private static final List<String> BACKWARD = List.of("fact", "sym_fact", "agop", "sqrt_agop", "enfa", "sqrt_enfa");

    /** Every layer-wise series of the mlp kind for {@code depth} layers, plus lr; each with its own arrays. */
    private static Map<String, double[][]> mlpCurves(int depth, boolean backward) {
        List<String> names = new ArrayList<>(List.of("train/loss", "train/accuracy", "test/accuracy", "lr"));
        for (int layer = depth; layer >= 1; layer--) {
            String l = Integer.toString(layer);
            for (String measure : List.of("pearson", "cosine")) {
                FORWARD.forEach(m -> names.add("layer" + l + "/" + m + "/" + measure));
                if (backward) {
                    BACKWARD.forEach(m -> names.add("layer" + l + "/backward/" + m + "/" + measure));
                }
            }
            names.add("layer" + l + "/grad_norm");
            names.add("layer" + l + "/fact/relerr");
        }
        return curves(names.toArray(String[]::new));
    }

    @Test
    void oneLayerGivesACurvePerMethodInThePapersOrderWithReadableLabels() {
        Map<String, double[][]> curves = mlpCurves(2, true);
        Map<String, List<LineChart.Series>> charts = AlignmentCharts.curves(SECTION, curves, Selection.layer(2));

        assertCurves(
                charts.get("alignment-pearson"),
                curves,
                List.of("FACT", "√(FACT·FACTᵀ)", "AGOP", "√AGOP", "AGOP¹ᐟᴸ", "eNFA", "√eNFA"),
                FORWARD.stream().map(m -> "layer2/" + m + "/pearson").toList());
        assertCurves(
                charts.get("alignment-cosine"),
                curves,
                labelsOf(charts.get("alignment-pearson")),
                FORWARD.stream().map(m -> "layer2/" + m + "/cosine").toList());
        assertCurves(
                charts.get("alignment-backward-pearson"),
                curves,
                List.of("bFACT", "√(bFACT·bFACTᵀ)", "bAGOP", "√bAGOP", "beNFA", "√beNFA"),
                BACKWARD.stream().map(m -> "layer2/backward/" + m + "/pearson").toList());
        assertCurves(
                charts.get("alignment-backward-cosine"),
                curves,
                labelsOf(charts.get("alignment-backward-pearson")),
                BACKWARD.stream().map(m -> "layer2/backward/" + m + "/cosine").toList());
        assertStationarityAndTraining(charts, curves);
    }

    @Test
    void allLayersGiveACurvePerLayerOfTheChosenMethod() {
        Map<String, double[][]> curves = mlpCurves(2, true);
        Map<String, List<LineChart.Series>> charts =
                AlignmentCharts.curves(SECTION, curves, Selection.allLayers("sqrt_agop"));

        List<String> layers = List.of("layer 1", "layer 2");
        assertCurves(
                charts.get("alignment-pearson"),
                curves,
                layers,
                List.of("layer1/sqrt_agop/pearson", "layer2/sqrt_agop/pearson"));
        assertCurves(
                charts.get("alignment-cosine"),
                curves,
                layers,
                List.of("layer1/sqrt_agop/cosine", "layer2/sqrt_agop/cosine"));
        assertCurves(
                charts.get("alignment-backward-pearson"),
                curves,
                layers,
                List.of("layer1/backward/sqrt_agop/pearson", "layer2/backward/sqrt_agop/pearson"));
        assertCurves(
                charts.get("alignment-backward-cosine"),
                curves,
                layers,
                List.of("layer1/backward/sqrt_agop/cosine", "layer2/backward/sqrt_agop/cosine"));
        assertStationarityAndTraining(charts, curves);

        Map<String, List<LineChart.Series>> onlyForward =
                AlignmentCharts.curves(SECTION, curves, Selection.allLayers("agop_1_over_L"));
        assertEquals(layers, labelsOf(onlyForward.get("alignment-pearson")));
        assertTrue(onlyForward.get("alignment-backward-pearson").isEmpty(), "AGOP^{1/L} has no backward form");
    }

    @Test
    void layersAreOrderedByNumberAndBackwardChartsStayEmptyWithoutBackwardSeries() {
        Map<String, double[][]> curves = mlpCurves(11, false);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), List.copyOf(AlignmentCharts.layers(SECTION, curves)));
        assertEquals(FORWARD, AlignmentCharts.methods(SECTION, curves, AlignmentCharts.layers(SECTION, curves)));
        Map<String, List<LineChart.Series>> charts =
                AlignmentCharts.curves(SECTION, curves, Selection.allLayers("fact"));
        List<String> expected = AlignmentCharts.layers(SECTION, curves).stream()
                .map(AlignmentCharts::layerLabel)
                .toList();
        assertEquals(expected, labelsOf(charts.get("alignment-pearson")));
        assertEquals(expected, labelsOf(charts.get("stationarity-grad_norm")));
        assertTrue(charts.get("alignment-backward-pearson").isEmpty());
        assertTrue(charts.get("alignment-backward-cosine").isEmpty());
    }

    @Test
    void aRunWithoutLayerSeriesHasNoLayersAndEmptyCharts() {
        Map<String, double[][]> curves = curves("fact/cosine", "loss", "grad_norm");
        assertTrue(AlignmentCharts.layers(SECTION, curves).isEmpty());
        assertTrue(AlignmentCharts.methods(SECTION, curves, AlignmentCharts.layers(SECTION, curves))
                .isEmpty());
        AlignmentCharts.curves(SECTION, curves, Selection.layer(1))
                .values()
                .forEach(list -> assertTrue(list.isEmpty()));
    }

    private static void assertStationarityAndTraining(
            Map<String, List<LineChart.Series>> charts, Map<String, double[][]> curves) {
        assertCurves(
                charts.get("stationarity-grad_norm"),
                curves,
                List.of("layer 1", "layer 2"),
                List.of("layer1/grad_norm", "layer2/grad_norm"));
        assertCurves(
                charts.get("stationarity-relerr"),
                curves,
                List.of("layer 1", "layer 2"),
                List.of("layer1/fact/relerr", "layer2/fact/relerr"));
        assertCurves(charts.get("training-loss"), curves, List.of("train loss"), List.of("train/loss"));
        assertCurves(
                charts.get("training-accuracy"),
                curves,
                List.of("train accuracy", "test accuracy"),
                List.of("train/accuracy", "test/accuracy"));
    }

    /** The chart has exactly these labels, in order, each drawing the arrays of the named series. */
    private static void assertCurves(
            List<LineChart.Series> chart, Map<String, double[][]> curves, List<String> labels, List<String> names) {
        assertEquals(labels, labelsOf(chart));
        for (int i = 0; i < names.size(); i++) {
            assertSame(curves.get(names.get(i))[0], chart.get(i).x(), names.get(i));
            assertSame(curves.get(names.get(i))[1], chart.get(i).y(), names.get(i));
        }
    }

    private static List<String> labelsOf(List<LineChart.Series> chart) {
        return chart.stream().map(LineChart.Series::name).toList();
    }
}
