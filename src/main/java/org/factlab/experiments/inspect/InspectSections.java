package org.factlab.experiments.inspect;

import java.util.ArrayList;
import java.util.List;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.paper.PaperNotation;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Prediction;

/**
 * The run page of the inspect kind: one probe of a network trained elsewhere is a set of single numbers, so the
 * page shows them as tables (the loss and accuracy on the given data; per method and layer the Pearson and cosine
 * similarity with WᵀW, forward and backward; per layer the gradient norm and FACT's relative error), then the first
 * layer's matrices as the mlp kind draws them and, for a network with convolutions, the first one's filters.
 */
final class InspectSections {

    private static final String BACKWARD_ONLY = "with backward = true";
    /** When the filters are recorded. */
    static final String CONVOLUTIONS_ONLY = "for a network with convolutions";

    private InspectSections() {}

    static List<Section> all() {
        return List.of(
                fit(),
                similarities(MlpSeries.PEARSON, "pearson", "Pearson correlation with WᵀW per layer"),
                similarities(MlpSeries.COSINE, "cosine", "Cosine similarity with WᵀW per layer"),
                MlpSections.matrices(),
                MlpSections.filters(CONVOLUTIONS_ONLY));
    }

    /** The loss and accuracy on the data, and how far each layer is from a critical point. */
    private static KeyNumbersSection fit() {
        return new KeyNumbersSection(
                "key-numbers",
                "At the probe",
                List.of(
                        KeyNumber.of(MlpSeries.TRAIN_LOSS, "Loss on the given data", Format.DECIMAL),
                        KeyNumber.of(MlpSeries.TRAIN_ACCURACY, "Accuracy on the given data", Format.PERCENT),
                        KeyNumber.of(
                                "layer{layer}/fact/relerr", "‖FACT − WᵀW‖_F / ‖WᵀW‖_F, layer {layer}", Format.DECIMAL),
                        KeyNumber.of(
                                        "layer{layer}/backward/fact/relerr",
                                        "‖bFACT − WWᵀ‖_F / ‖WWᵀ‖_F, layer {layer}",
                                        Format.DECIMAL)
                                .only(BACKWARD_ONLY),
                        KeyNumber.of(
                                "layer{layer}/grad_norm", "Gradient norm ‖∇_W L_λ‖, layer {layer}", Format.DECIMAL)));
    }

    /** One row per method and layer: forward methods first, then the backward forms. */
    private static KeyNumbersSection similarities(String measure, String id, String title) {
        List<KeyNumber> rows = new ArrayList<>();
        for (Prediction p : Prediction.values()) {
            String series = MlpSeries.similarity(1, false, p, measure);
            rows.add(KeyNumber.of(
                    "layer{layer}/" + p.id() + "/" + measure,
                    PaperNotation.method(series) + ", layer {layer}",
                    Format.DECIMAL));
        }
        for (Prediction p : Prediction.values()) {
            String series = MlpSeries.similarity(1, true, p, measure);
            String method = PaperNotation.method(series);
            if (method != null) {
                rows.add(KeyNumber.of(
                                "layer{layer}/backward/" + p.id() + "/" + measure,
                                method + " with WWᵀ, layer {layer}",
                                Format.DECIMAL)
                        .only(BACKWARD_ONLY));
            }
        }
        return new KeyNumbersSection(id, title, rows);
    }
}
