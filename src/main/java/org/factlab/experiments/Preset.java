package org.factlab.experiments;

import java.util.Map;

/**
 * A named spec of a kind.
 *
 * @param id          stable id (public contract: scripts launch presets by id)
 * @param title       what the preset reproduces, e.g. "Figure 4 (λ = 1e-7, 3·10⁵ steps)"
 * @param description how it differs from the paper and how long it takes on CPU
 * @param spec        the spec it launches
 * @param expected    reference values per summary key (series name), where the paper or our notes give one
 */
public record Preset<S extends Record>(
        String id, String title, String description, S spec, Map<String, Double> expected) {
    public Preset {
        expected = Map.copyOf(expected);
    }
}
