package org.factlab.ui.run.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.SeriesPattern;

/**
 * Key numbers that are all per layer ("FACT, layer {layer}", "bFACT with WWᵀ, layer {layer}") as one table: a row per
 * quantity (forward methods, then backward ones), a column per layer, "—" where a layer has no value.
 *
 * @param layers the layers with a value, ascending
 * @param rows   quantity → one formatted value per layer
 */
record LayerTable(List<Integer> layers, Map<String, List<String>> rows) {

    private static final String PER_LAYER = ", layer {layer}";

    /** The table of a section whose every number is per layer; null for any other section or before any value. */
    static LayerTable of(KeyNumbersSection section, RunPageData data) {
        if (!section.numbers().stream()
                .allMatch(n -> n.key().contains("{layer}") && n.label().endsWith(PER_LAYER))) {
            return null;
        }
        TreeSet<String> keys = new TreeSet<>(data.summary().keySet());
        keys.addAll(data.curves().keySet());
        TreeSet<Integer> layers = new TreeSet<>();
        keys.forEach(k -> section.numbers().stream()
                .filter(n -> SeriesPattern.matches(n.key(), k))
                .forEach(n -> layers.add(Integer.parseInt(SeriesPattern.part(n.key(), "layer", k)))));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (KeyNumber n : section.numbers()) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (int layer : layers) {
                Double v = data.value(SeriesPattern.fill(n.key(), Map.of("layer", Integer.toString(layer))));
                any |= v != null && Double.isFinite(v);
                cells.add(v != null && Double.isFinite(v) ? KeyNumbersPanel.format(n.format(), v) : "—");
            }
            if (any) {
                String label = n.label();
                rows.put(TexText.of(label.substring(0, label.length() - PER_LAYER.length())), cells);
            }
        }
        return rows.isEmpty() ? null : new LayerTable(List.copyOf(layers), rows);
    }
}
