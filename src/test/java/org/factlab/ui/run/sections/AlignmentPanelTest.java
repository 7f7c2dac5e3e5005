package org.factlab.ui.run.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.ui.LayeredTestKind;
import org.factlab.ui.charts.LineChart;
import org.junit.jupiter.api.Test;

/** The section's state on the server: when it shows, what the selectors offer, which charts are visible. */
class AlignmentPanelTest {

    @Test
    void staysHiddenForARunWithoutLayerSeries() {
        AlignmentPanel panel = new AlignmentPanel(MlpSections.alignment());
        panel.show(data(AlignmentChartsTest.curves("fact/cosine", "loss", "train/loss")));
        assertFalse(panel.isVisible());
    }

    @Test
    void choosesLayerOneFirstThenOffersAllLayersWithAMethod() {
        AlignmentPanel panel = new AlignmentPanel(MlpSections.alignment());
        panel.show(data(AlignmentChartsTest.curves("lr")));
        panel.show(data(forwardOnly(3)));
        assertTrue(panel.isVisible(), "shown once a layer-wise series arrives");
        Select<Integer> layer = find(panel, "alignment-layer");
        Select<String> method = find(panel, "alignment-method");
        assertEquals(1, layer.getValue());
        assertFalse(method.isVisible(), "a single layer draws every method");
        assertTrue(cellOf(panel, "alignment-pearson").isVisible());
        assertFalse(cellOf(panel, "alignment-backward-pearson").isVisible(), "no backward series, no backward chart");

        layer.setValue(AlignmentCharts.Selection.ALL_LAYERS);
        assertTrue(method.isVisible());
        assertEquals("fact", method.getValue(), "FACT is the default method");

        panel.show(data(forwardOnly(4)));
        assertEquals(AlignmentCharts.Selection.ALL_LAYERS, layer.getValue(), "the choice survives a new layer");
        assertEquals("fact", method.getValue());
    }

    @Test
    void overlaidRunsAddTheirCurvesToEverySimilarityChart() {
        AlignmentPanel panel = new AlignmentPanel(MlpSections.alignment());
        panel.show(new RunPageData(forwardOnly(2), Map.of(), List.of(), Map.of("λ = 1e-3 [abc]", forwardOnly(2))));
        LineChart chart = find(panel, "alignment-pearson");
        List<String> names = chart.series().stream().map(LineChart.Series::name).toList();
        long own =
                names.stream().filter(n -> !n.startsWith("λ = 1e-3 [abc] · ")).count();
        assertTrue(own > 0, names.toString());
        assertEquals(own, names.size() - own, "each of this run's curves has the overlaid run's beside it: " + names);

        Select<Integer> layer = find(panel, "alignment-layer");
        layer.setValue(AlignmentCharts.Selection.ALL_LAYERS);
        assertTrue(
                chart.series().stream().anyMatch(s -> s.name().startsWith("λ = 1e-3 [abc] · ")),
                "all layers of one method too");
    }

    /** Every forward similarity and the stationarity series of {@code depth} layers. */
    private static Map<String, double[][]> forwardOnly(int depth) {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            for (String m : LayeredTestKind.FORWARD) {
                names.add("layer" + l + "/" + m + "/pearson");
            }
            names.add("layer" + l + "/grad_norm");
        }
        return AlignmentChartsTest.curves(names.toArray(String[]::new));
    }

    private static RunPageData data(Map<String, double[][]> curves) {
        return new RunPageData(curves, Map.of(), List.of(), Map.of());
    }

    private static Component cellOf(Component root, String chartId) {
        return find(root, chartId).getParent().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <C extends Component> C find(Component root, String id) {
        return (C) descendants(root)
                .filter(c -> Optional.of(id).equals(c.getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(AlignmentPanelTest::descendants));
    }
}
