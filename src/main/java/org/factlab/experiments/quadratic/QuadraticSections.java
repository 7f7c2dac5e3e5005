package org.factlab.experiments.quadratic;

import java.util.List;
import org.factlab.experiments.paper.PaperNotation;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.MatricesSection;
import org.factlab.experiments.sections.MatricesSection.Matrix;
import org.factlab.experiments.sections.Section;

/** The run page of the quadratic kind ({@link QuadraticSeries}): Figure 4's similarities, stationarity, matrices. */
final class QuadraticSections {

    private static final Axis STEP = Axis.steps("Adam step");

    private QuadraticSections() {}

    static List<Section> all() {
        KeyNumbersSection keys = KeyNumbersSection.of(
                key(QuadraticSeries.FACT_COSINE),
                key(QuadraticSeries.AGOP_COSINE),
                key(QuadraticSeries.SQRT_AGOP_COSINE),
                key(QuadraticSeries.ENFA_COSINE),
                KeyNumber.of(QuadraticSeries.GRAD_NORM, "‖∇_θ L_λ‖ at the end", Format.DECIMAL),
                KeyNumber.of(QuadraticSeries.FACT_RELERR, "‖FACT − WᵀW‖_F / ‖WᵀW‖_F at the end", Format.DECIMAL));
        CurvesSection curves = new CurvesSection(
                "curves",
                "Curves",
                "Figure 4: how well each feature matrix matches WᵀW over training, and how stationary the weights are.",
                List.of(
                        Chart.of(
                                "chart-cosine",
                                "Cosine similarity with WᵀW (Figure 4)",
                                STEP,
                                Axis.similarity("cosine"),
                                similarity(QuadraticSeries.FACT_COSINE),
                                similarity(QuadraticSeries.AGOP_COSINE),
                                similarity(QuadraticSeries.SQRT_AGOP_COSINE),
                                similarity(QuadraticSeries.ENFA_COSINE)),
                        Chart.of(
                                "chart-pearson",
                                "Pearson correlation with WᵀW",
                                STEP,
                                Axis.similarity("Pearson"),
                                similarity(QuadraticSeries.FACT_PEARSON),
                                similarity(QuadraticSeries.AGOP_PEARSON),
                                similarity(QuadraticSeries.SQRT_AGOP_PEARSON),
                                similarity(QuadraticSeries.ENFA_PEARSON)),
                        Chart.of(
                                "chart-loss",
                                "Loss L and objective L_λ",
                                STEP,
                                Axis.logarithmic("loss"),
                                Curve.of(QuadraticSeries.LOSS, "L"),
                                Curve.of(QuadraticSeries.OBJECTIVE, "L_λ")),
                        Chart.of(
                                "chart-stationarity",
                                "Stationarity",
                                STEP,
                                Axis.logarithmic("norm / relative error"),
                                Curve.of(QuadraticSeries.GRAD_NORM, "‖∇_θ L_λ‖"),
                                Curve.of(QuadraticSeries.FACT_RELERR, "‖FACT − WᵀW‖_F / ‖WᵀW‖_F")),
                        Chart.of(
                                "chart-training",
                                "Learning rate",
                                STEP,
                                Axis.logarithmic("learning rate"),
                                Curve.of(QuadraticSeries.LEARNING_RATE, "learning rate"))));
        MatricesSection matrices = new MatricesSection(
                "matrices",
                "Feature matrices",
                "",
                QuadraticSeries.MATRICES.stream()
                        .map(m -> Matrix.of(m, PaperNotation.matrix(m)))
                        .toList());
        return List.of(keys, curves, matrices);
    }

    private static KeyNumber key(String series) {
        return KeyNumber.of(series, PaperNotation.label(series) + " at the end", Format.DECIMAL);
    }

    private static Curve similarity(String series) {
        return Curve.of(series, PaperNotation.method(series));
    }
}
