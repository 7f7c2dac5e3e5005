package org.factlab.experiments.rfm;

import java.util.ArrayList;
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
import org.factlab.experiments.sections.ScatterFitSection;
import org.factlab.experiments.sections.Section;

/**
 * The run page every Recursive Feature Machine kind shares ({@link RfmSeries}): key numbers, accuracy and M's
 * curves, the heatmaps of M, √AGOP and √(FACT·Mᵀ), and Figure 7. A kind adds its own key numbers and charts.
 */
public final class RfmSections {

    /** The x axis of every RFM chart: iteration t (0 = the plain kernel machine). */
    public static final Axis ITERATION = Axis.steps("iteration");

    private static final String FACT_ONLY = "FACT-driven methods only";

    private RfmSections() {}

    /**
     * @param keys   the kind's key numbers, shown after the final test accuracy and before Figure 7's fit
     * @param charts the kind's charts, after the accuracy chart
     */
    public static List<Section> of(List<KeyNumber> keys, List<Chart> charts) {
        List<KeyNumber> numbers = new ArrayList<>();
        numbers.add(KeyNumber.of(RfmSeries.TEST_ACCURACY, "Final test accuracy", Format.PERCENT));
        numbers.add(KeyNumber.of(RfmSeries.TRAIN_ACCURACY, "Final training accuracy", Format.PERCENT));
        numbers.addAll(keys);
        numbers.add(KeyNumber.of(RfmSeries.TAU_SLOPE, "τ–k′ slope c (τ ≈ c·k′, Figure 7)", Format.DECIMAL));
        numbers.add(KeyNumber.of(RfmSeries.TAU_R2, "R² of τ ≈ c·k′ (through the origin)", Format.DECIMAL));
        numbers.add(KeyNumber.of(RfmSeries.TAU_PEARSON, "Pearson correlation of τ and k′", Format.DECIMAL));
        List<Chart> all = new ArrayList<>();
        all.add(Chart.of(
                "chart-accuracy",
                "Accuracy",
                ITERATION,
                Axis.fraction("accuracy"),
                Curve.of(RfmSeries.TRAIN_ACCURACY, "train accuracy"),
                Curve.of(RfmSeries.TEST_ACCURACY, "test accuracy")));
        all.addAll(charts);
        all.add(Chart.of(
                "chart-mse",
                "Test mean squared error",
                ITERATION,
                Axis.logarithmic("MSE"),
                Curve.of(RfmSeries.TEST_MSE, "test MSE")));
        all.add(Chart.of(
                "chart-trace", "tr(M_t)", ITERATION, Axis.linear("tr(M)"), Curve.of(RfmSeries.TRACE_M, "tr(M_t)")));
        all.add(Chart.of(
                "chart-m-change",
                "‖M_t − M_{t−1}‖_F / ‖M_{t−1}‖_F",
                ITERATION,
                Axis.logarithmic("relative change"),
                Curve.of(RfmSeries.M_REL_CHANGE, "relative change of M")));
        all.add(Chart.of(
                "chart-fact",
                "FACT updates: ‖F_t‖_F and cos(F_t, M_t)",
                ITERATION,
                Axis.linear("value"),
                Curve.of(RfmSeries.FACT_NORM, "‖F_t‖_F").only(FACT_ONLY),
                Curve.of(RfmSeries.FACT_FIXED_POINT_COSINE, "cos(F_t, M_t)").only(FACT_ONLY)));
        return List.of(
                KeyNumbersSection.of(numbers.toArray(KeyNumber[]::new)),
                new CurvesSection("curves", "Curves", "", all),
                new MatricesSection(
                        "matrices",
                        "Feature matrices",
                        "M_t beside √AGOP and √(FACT·Mᵀ) (Figures 5, 6).",
                        List.of(
                                Matrix.of(RfmSeries.MATRIX_M, PaperNotation.matrix(RfmSeries.MATRIX_M)),
                                Matrix.of(RfmSeries.MATRIX_SQRT_AGOP, PaperNotation.matrix(RfmSeries.MATRIX_SQRT_AGOP)),
                                Matrix.of(
                                                RfmSeries.MATRIX_SQRT_FACT_MT,
                                                PaperNotation.matrix(RfmSeries.MATRIX_SQRT_FACT_MT))
                                        .only(FACT_ONLY))),
                new ScatterFitSection(
                        "figure7",
                        "τ against k′ (Figure 7)",
                        "τ(xᵢ, xⱼ, M) against k′(xᵢᵀMxⱼ) over sampled training pairs of the final fit, with the best "
                                + "proportional fit τ ≈ c·k′.",
                        RfmSeries.MATRIX_TAU_PAIRS,
                        Axis.linear("k′(xᵢᵀMxⱼ)").withOrigin(),
                        Axis.linear("τ(xᵢ, xⱼ, M)").withOrigin(),
                        RfmSeries.TAU_SLOPE,
                        RfmSeries.TAU_R2,
                        RfmSeries.TAU_PEARSON));
    }
}
