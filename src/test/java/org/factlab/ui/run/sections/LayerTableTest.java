package org.factlab.ui.run.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.inspect.InspectKind;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.Section;
import org.junit.jupiter.api.Test;

/** inspect's numbers per method and layer read as a table, methods × layers, forward then backward. */
class LayerTableTest {

    @Test
    void similaritiesPerLayerBecomeOneTableOfMethodsByLayers() {
        Map<String, Double> summary = new HashMap<>();
        for (int layer = 1; layer <= 3; layer++) {
            summary.put("layer" + layer + "/fact/pearson", 0.9 + layer / 100.0);
            summary.put("layer" + layer + "/agop/pearson", 0.5);
            if (layer < 3) {
                summary.put("layer" + layer + "/backward/fact/pearson", 0.7);
            }
        }
        summary.put("train/loss", 0.1);
        RunPageData data = new RunPageData(Map.of(), summary, List.of(), Map.of());
        List<LayerTable> tables = new InspectKind()
                .sections().stream()
                        .filter(KeyNumbersSection.class::isInstance)
                        .map(s -> LayerTable.of((KeyNumbersSection) s, data))
                        .filter(t -> t != null)
                        .toList();

        assertThat(tables).hasSize(1);
        LayerTable pearson = tables.get(0);
        assertThat(pearson.layers()).containsExactly(1, 2, 3);
        assertThat(pearson.rows().keySet()).containsExactly("FACT", "AGOP", "bFACT with WWᵀ");
        assertThat(pearson.rows().get("FACT")).containsExactly("0.9100", "0.9200", "0.9300");
        assertThat(pearson.rows().get("bFACT with WWᵀ")).containsExactly("0.7000", "0.7000", "—");
    }

    @Test
    void aSectionWithNumbersNotPerLayerStaysAList() {
        Section fit = new InspectKind()
                .sections().stream()
                        .filter(s -> s.id().equals("key-numbers"))
                        .findFirst()
                        .orElseThrow();
        RunPageData data = new RunPageData(Map.of(), Map.of("train/loss", 0.1), List.of(), Map.of());
        assertThat(LayerTable.of((KeyNumbersSection) fit, data)).isNull();
    }
}
