package org.factlab.experiments.parity;

import java.util.List;
import org.factlab.data.SparseParityData;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.rfm.RfmLoop;
import org.factlab.experiments.rfm.RfmSeries;
import org.factlab.experiments.sections.Section;
import org.factlab.kernels.RecursiveFeatureMachine;

/**
 * §4.3 / Figures 1 and 5: NFA-RFM and FACT-RFM on sparse parity in d dimensions. Series: {@link RfmSeries}
 * and {@link ParitySeries}; matrices M, √AGOP and (FACT methods) √(FACT·Mᵀ) per iteration, Figure 7's
 * τ-vs-k′ pairs at the end.
 */
public final class ParityKind implements ExperimentKind<ParitySpec> {

    @Override
    public String id() {
        return "parity";
    }

    @Override
    public String title() {
        return "Sparse parity with NFA-RFM and FACT-RFM (§4.3, Figures 1 and 5)";
    }

    @Override
    public String description() {
        return "Recursive Feature Machine (Algorithm 1) on sparse parity: x uniform on {±1/√d}^d, label 1 when the "
                + "product of k hidden coordinates is positive. Iteration 0 is the plain kernel machine (M = I); each "
                + "later iteration refits kernel ridge regression with the Mahalanobis kernel of the M that the NFA "
                + "update (M ← AGOPˢ) or a FACT update (Lemma F.1, Appendix E) produced. Records train and test "
                + "accuracy, whether the top-k diagonal entries of M are the support, the heatmaps of M, √AGOP and "
                + "√(FACT·Mᵀ) of Figure 5, and Figure 7's τ against k′ for the final fit.";
    }

    @Override
    public Class<ParitySpec> specType() {
        return ParitySpec.class;
    }

    @Override
    public ParitySpec defaultSpec() {
        return ParityPresets.DEFAULTS;
    }

    @Override
    public List<Preset<ParitySpec>> presets() {
        return ParityPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        return ParitySections.all();
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(RfmSeries.TEST_ACCURACY, ParitySeries.SUPPORT_RECOVERED, ParitySeries.DIAG_MASS_ON_SUPPORT);
    }

    @Override
    public long estimateMemoryBytes(ParitySpec spec) {
        return RecursiveFeatureMachine.estimateBytes(spec.n(), spec.nTest(), spec.d(), 1, spec.rfmOptions());
    }

    @Override
    public void run(ParitySpec spec, RunContext ctx) {
        SparseParityData data = SparseParityData.generate(
                spec.d(), spec.k(), spec.n(), spec.nTest(), spec.supportCoordinates(), spec.seed());
        RfmLoop.run(spec.rfmOptions(), spec.iterations(), spec.seed(), new ParityTask(data), ctx);
    }
}
