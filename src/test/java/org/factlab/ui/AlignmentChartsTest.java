package org.factlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlab.ui.AlignmentCharts.Chart;
import org.factlab.ui.AlignmentCharts.Selection;
import org.factlab.ui.charts.LineChart;
import org.junit.jupiter.api.Test;

/** Which curve goes to which alignment chart, under which label, for a layer or for all layers of one method. */
class AlignmentChartsTest {

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
        return SeriesNamesTest.curves(names.toArray(String[]::new));
    }

    @Test
    void oneLayerGivesACurvePerMethodInThePapersOrderWithReadableLabels() {
        Map<String, double[][]> curves = mlpCurves(2, true);
        Map<Chart, List<LineChart.Series>> charts = AlignmentCharts.curves(curves, Selection.layer(2));

        assertCurves(charts.get(Chart.PEARSON), curves, List.of("FACT", "√(FACT·FACTᵀ)", "AGOP", "√AGOP", "AGOP^{1/L}",
                "eNFA", "√eNFA"), FORWARD.stream().map(m -> "layer2/" + m + "/pearson").toList());
        assertCurves(charts.get(Chart.COSINE), curves, labelsOf(charts.get(Chart.PEARSON)),
                FORWARD.stream().map(m -> "layer2/" + m + "/cosine").toList());
        assertCurves(charts.get(Chart.BACKWARD_PEARSON), curves, List.of("bFACT", "√(bFACT·bFACTᵀ)", "bAGOP", "√bAGOP",
                "beNFA", "√beNFA"), BACKWARD.stream().map(m -> "layer2/backward/" + m + "/pearson").toList());
        assertCurves(charts.get(Chart.BACKWARD_COSINE), curves, labelsOf(charts.get(Chart.BACKWARD_PEARSON)),
                BACKWARD.stream().map(m -> "layer2/backward/" + m + "/cosine").toList());
        assertStationarityAndTraining(charts, curves);
    }

    @Test
    void allLayersGiveACurvePerLayerOfTheChosenMethod() {
        Map<String, double[][]> curves = mlpCurves(2, true);
        Map<Chart, List<LineChart.Series>> charts = AlignmentCharts.curves(curves, Selection.allLayers("sqrt_agop"));

        List<String> layers = List.of("layer 1", "layer 2");
        assertCurves(charts.get(Chart.PEARSON), curves, layers, List.of("layer1/sqrt_agop/pearson", "layer2/sqrt_agop/pearson"));
        assertCurves(charts.get(Chart.COSINE), curves, layers, List.of("layer1/sqrt_agop/cosine", "layer2/sqrt_agop/cosine"));
        assertCurves(charts.get(Chart.BACKWARD_PEARSON), curves, layers,
                List.of("layer1/backward/sqrt_agop/pearson", "layer2/backward/sqrt_agop/pearson"));
        assertCurves(charts.get(Chart.BACKWARD_COSINE), curves, layers,
                List.of("layer1/backward/sqrt_agop/cosine", "layer2/backward/sqrt_agop/cosine"));
        assertStationarityAndTraining(charts, curves);

        Map<Chart, List<LineChart.Series>> onlyForward = AlignmentCharts.curves(curves, Selection.allLayers("agop_1_over_L"));
        assertEquals(layers, labelsOf(onlyForward.get(Chart.PEARSON)));
        assertTrue(onlyForward.get(Chart.BACKWARD_PEARSON).isEmpty(), "AGOP^{1/L} has no backward form");
    }

    @Test
    void layersAreOrderedByNumberAndBackwardChartsStayEmptyWithoutBackwardSeries() {
        Map<String, double[][]> curves = mlpCurves(11, false);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), List.copyOf(AlignmentCharts.layers(curves)));
        assertEquals(FORWARD, AlignmentCharts.methods(curves));
        Map<Chart, List<LineChart.Series>> charts = AlignmentCharts.curves(curves, Selection.allLayers("fact"));
        List<String> expected = AlignmentCharts.layers(curves).stream().map(AlignmentCharts::layerLabel).toList();
        assertEquals(expected, labelsOf(charts.get(Chart.PEARSON)));
        assertEquals(expected, labelsOf(charts.get(Chart.GRAD_NORM)));
        assertTrue(charts.get(Chart.BACKWARD_PEARSON).isEmpty());
        assertTrue(charts.get(Chart.BACKWARD_COSINE).isEmpty());
    }

    @Test
    void aRunWithoutLayerSeriesHasNoLayersAndEmptyCharts() {
        Map<String, double[][]> curves = SeriesNamesTest.curves("fact/cosine", "loss", "grad_norm");
        assertTrue(AlignmentCharts.layers(curves).isEmpty());
        assertTrue(AlignmentCharts.methods(curves).isEmpty());
        AlignmentCharts.curves(curves, Selection.layer(1)).values().forEach(list -> assertTrue(list.isEmpty()));
    }

    private static void assertStationarityAndTraining(Map<Chart, List<LineChart.Series>> charts,
                                                      Map<String, double[][]> curves) {
        assertCurves(charts.get(Chart.GRAD_NORM), curves, List.of("layer 1", "layer 2"),
                List.of("layer1/grad_norm", "layer2/grad_norm"));
        assertCurves(charts.get(Chart.RELERR), curves, List.of("layer 1", "layer 2"),
                List.of("layer1/fact/relerr", "layer2/fact/relerr"));
        assertCurves(charts.get(Chart.LOSS), curves, List.of("train loss"), List.of("train/loss"));
        assertCurves(charts.get(Chart.ACCURACY), curves, List.of("train accuracy", "test accuracy"),
                List.of("train/accuracy", "test/accuracy"));
    }

    /** The chart has exactly these labels, in order, each drawing the arrays of the named series. */
    private static void assertCurves(List<LineChart.Series> chart, Map<String, double[][]> curves, List<String> labels,
                                     List<String> names) {
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
