package org.factlab.experiments.mlp;

import java.util.List;
import org.factlab.experiments.paper.PaperNotation;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.experiments.sections.FiltersSection;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.LayerAlignmentSection.LayerChart;
import org.factlab.experiments.sections.LayerAlignmentSection.Method;
import org.factlab.experiments.sections.MatricesSection;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Prediction;

/**
 * The run page of the mlp kind ({@link MlpSeries}): key numbers, feature alignment per layer (Table 2, Figures 3,
 * 8–11), the learning rate, and the first layer's WᵀW beside FACT, √AGOP and √eNFA. Public so that another kind
 * recording the same names reuses it in one line: {@code return MlpSections.all();}.
 */
public final class MlpSections {

    private static final Axis EPOCH = Axis.steps("epoch");
    private static final String BACKWARD_ONLY = "with backward = true";

    private MlpSections() {}

    public static List<Section> all() {
        return List.of(keyNumbers(), alignment(), learningRate(), matrices());
    }

    /** Final accuracies and the first layer's Pearson correlations of Table 2. */
    public static KeyNumbersSection keyNumbers() {
        return KeyNumbersSection.of(
                KeyNumber.of(MlpSeries.TEST_ACCURACY, "Final test accuracy", Format.PERCENT),
                KeyNumber.of(MlpSeries.TRAIN_ACCURACY, "Final training accuracy", Format.PERCENT),
                pearson(Prediction.FACT),
                pearson(Prediction.SYM_FACT),
                pearson(Prediction.SQRT_AGOP),
                pearson(Prediction.SQRT_ENFA),
                KeyNumber.of(MlpSeries.factRelativeError(1, false), "‖FACT − W₁ᵀW₁‖_F / ‖W₁ᵀW₁‖_F", Format.DECIMAL));
    }

    public static LayerAlignmentSection alignment() {
        List<Method> methods = java.util.Arrays.stream(Prediction.values())
                .map(p -> new Method(
                        p.id(),
                        PaperNotation.method("layer1/" + p.id() + "/pearson"),
                        p == Prediction.AGOP_1_OVER_L
                                ? null
                                : PaperNotation.method("layer1/backward/" + p.id() + "/pearson")))
                .toList();
        String forward = "layer{layer}/{method}/";
        String backward = "layer{layer}/backward/{method}/";
        List<LayerChart> layerCharts = List.of(
                new LayerChart(
                        "alignment-pearson",
                        "Pearson correlation with WᵀW",
                        Axis.similarity("Pearson"),
                        forward + MlpSeries.PEARSON,
                        true,
                        false,
                        null),
                new LayerChart(
                        "alignment-cosine",
                        "Cosine similarity with WᵀW",
                        Axis.similarity("cosine"),
                        forward + MlpSeries.COSINE,
                        true,
                        false,
                        null),
                new LayerChart(
                        "alignment-backward-pearson",
                        "Pearson correlation with WWᵀ (backward)",
                        Axis.similarity("Pearson"),
                        backward + MlpSeries.PEARSON,
                        true,
                        true,
                        BACKWARD_ONLY),
                new LayerChart(
                        "alignment-backward-cosine",
                        "Cosine similarity with WWᵀ (backward)",
                        Axis.similarity("cosine"),
                        backward + MlpSeries.COSINE,
                        true,
                        true,
                        BACKWARD_ONLY),
                new LayerChart(
                        "stationarity-grad_norm",
                        "Gradient norm ‖∇_W L_λ‖ per layer",
                        Axis.logarithmic("‖∇_W L_λ‖"),
                        "layer{layer}/grad_norm",
                        false,
                        false,
                        null),
                new LayerChart(
                        "stationarity-relerr",
                        "‖FACT − WᵀW‖_F / ‖WᵀW‖_F per layer",
                        Axis.logarithmic("relative error"),
                        "layer{layer}/fact/relerr",
                        false,
                        false,
                        null),
                new LayerChart(
                        "stationarity-backward-relerr",
                        "‖bFACT − WWᵀ‖_F / ‖WWᵀ‖_F per layer",
                        Axis.logarithmic("relative error"),
                        "layer{layer}/backward/fact/relerr",
                        false,
                        false,
                        BACKWARD_ONLY));
        List<Chart> charts = List.of(
                Chart.of(
                        "training-loss",
                        "Loss (MSE)",
                        EPOCH,
                        Axis.logarithmic("loss"),
                        Curve.of(MlpSeries.TRAIN_LOSS, "train loss"),
                        Curve.of(MlpSeries.TEST_LOSS, "test loss")),
                Chart.of(
                        "training-accuracy",
                        "Accuracy",
                        EPOCH,
                        Axis.fraction("accuracy"),
                        Curve.of(MlpSeries.TRAIN_ACCURACY, "train accuracy"),
                        Curve.of(MlpSeries.TEST_ACCURACY, "test accuracy")));
        return new LayerAlignmentSection(
                "alignment",
                "Feature alignment",
                "How well each method predicts the layer's neural feature matrix WᵀW (forward) or WWᵀ (backward) over "
                        + "training, then stationarity and training curves.",
                methods,
                layerCharts,
                charts);
    }

    public static CurvesSection learningRate() {
        return new CurvesSection(
                "schedule",
                "Learning rate",
                "",
                List.of(Chart.of(
                        "chart-training",
                        "Learning rate",
                        EPOCH,
                        Axis.logarithmic("learning rate"),
                        Curve.of(MlpSeries.LEARNING_RATE, "learning rate"))));
    }

    public static MatricesSection matrices() {
        return new MatricesSection(
                "matrices",
                "Feature matrices",
                "The first layer's WᵀW next to its predictions.",
                MlpSeries.MATRICES.stream()
                        .map(m -> MatricesSection.Matrix.of(m, PaperNotation.matrix(m)))
                        .toList());
    }

    /**
     * The first convolution's filters as q×q images next to its WᵀW; {@code onlyWhen} null when every run of the
     * kind has a convolution.
     */
    public static FiltersSection filters(String onlyWhen) {
        return new FiltersSection(
                "filters",
                "Filters of the first convolution",
                "Each row of W as a q×q image per input channel: what the first convolution looks for, beside its cq² "
                        + "× cq² WᵀW above.",
                MlpSeries.MATRIX_FILTERS,
                MlpSeries.MATRIX_WTW,
                onlyWhen);
    }

    private static KeyNumber pearson(Prediction p) {
        String series = MlpSeries.similarity(1, false, p, MlpSeries.PEARSON);
        return KeyNumber.of(series, PaperNotation.label(series), Format.DECIMAL);
    }
}
