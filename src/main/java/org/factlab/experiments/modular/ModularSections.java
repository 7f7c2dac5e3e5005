package org.factlab.experiments.modular;

import java.util.List;
import org.factlab.experiments.rfm.RfmSections;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.Section;

/** The run page of the modular kind: the RFM sections plus the grokking point ({@link ModularSeries}). */
final class ModularSections {

    private ModularSections() {}

    static List<Section> all() {
        return RfmSections.of(
                List.of(KeyNumber.of(
                                ModularSeries.GROKKING_ITERATION,
                                "Grokking iteration (first with 100% test accuracy)",
                                Format.WHOLE)
                        .only("runs that reach 100% test accuracy")),
                List.of(
                        Chart.of(
                                "chart-correct-logit",
                                "Correct-class loss on test pairs",
                                RfmSections.ITERATION,
                                Axis.logarithmic("loss"),
                                Curve.of(ModularSeries.CORRECT_LOGIT_LOSS, "(f_{(a∘b)}(x) − 1)²")),
                        Chart.of(
                                "chart-m-to-final",
                                "cos(M_t, M_T)",
                                RfmSections.ITERATION,
                                Axis.fraction("cosine"),
                                Curve.of(ModularSeries.M_COSINE_TO_FINAL, "cos(M_t, M_T)"))));
    }
}
