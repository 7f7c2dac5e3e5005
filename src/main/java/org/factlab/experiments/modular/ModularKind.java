package org.factlab.experiments.modular;

import java.util.List;
import org.factlab.data.ModularArithmeticData;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.rfm.RfmHistory;
import org.factlab.experiments.rfm.RfmLoop;
import org.factlab.experiments.rfm.RfmSeries;
import org.factlab.experiments.sections.Section;
import org.factlab.kernels.RecursiveFeatureMachine;
import org.factlab.math.Similarity;

/**
 * §4.3 / Figures 6 and 7: grokking of modular arithmetic by NFA-RFM and FACT-RFM. Series: {@link RfmSeries}
 * and {@link ModularSeries}; matrices M, √AGOP and (FACT methods) √(FACT·Mᵀ) per iteration, where the
 * block-circulant structure appears, and Figure 7's τ-vs-k′ pairs at the end.
 */
public final class ModularKind implements ExperimentKind<ModularSpec> {

    @Override
    public String id() {
        return "modular";
    }

    @Override
    public String title() {
        return "Grokking modular arithmetic with NFA-RFM and FACT-RFM (§4.3, §5, Figures 6 and 7)";
    }

    @Override
    public String description() {
        return "Recursive Feature Machine (Algorithm 1) on (a ∘ b) mod p for ∘ ∈ {+, −, ×, ÷}: every pair (a, b) as "
                + "two one-hot vectors (2p inputs), a one-hot target, a seeded train/test split. Iteration 0 is the "
                + "plain kernel machine; each update replaces M by AGOPˢ (NFA-RFM) or a FACT update (Lemma F.1, "
                + "Appendix E). The training fit is perfect from the start while the test accuracy stays at 0% for "
                + "tens of iterations and then jumps to 100% (grokking). Records accuracies, the correct-class "
                + "loss, tr(M), ‖F‖ and cos(F, M), the block-circulant heatmaps of M, √AGOP and √(FACT·Mᵀ) "
                + "(Figure 6), the cosine of every M_t to the final M, and Figure 7's τ against k′ (§5).";
    }

    @Override
    public Class<ModularSpec> specType() {
        return ModularSpec.class;
    }

    @Override
    public ModularSpec defaultSpec() {
        return ModularPresets.DEFAULTS;
    }

    @Override
    public List<Preset<ModularSpec>> presets() {
        return ModularPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        return ModularSections.all();
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(RfmSeries.TEST_ACCURACY, ModularSeries.GROKKING_ITERATION, RfmSeries.TAU_R2);
    }

    @Override
    public long estimateMemoryBytes(ModularSpec spec) {
        int train = spec.trainSize();
        return RecursiveFeatureMachine.estimateBytes(
                train, spec.pairs() - train, 2L * spec.p(), spec.p(), spec.rfmOptions());
    }

    @Override
    public void run(ModularSpec spec, RunContext ctx) {
        ModularArithmeticData data =
                ModularArithmeticData.generate(spec.p(), spec.arithmetic(), spec.trainFraction(), spec.seed());
        RfmHistory history = RfmLoop.run(spec.rfmOptions(), spec.iterations(), spec.seed(), new ModularTask(data), ctx);
        if (history == null) {
            return;
        }
        double[][] last = history.finalFeatureMatrix();
        List<double[][]> all = history.featureMatrices();
        for (int t = 0; t < all.size(); t++) {
            ctx.metric(ModularSeries.M_COSINE_TO_FINAL, t, Similarity.cosine(all.get(t), last));
        }
        int grokked = history.firstPerfectIteration();
        if (grokked >= 0) {
            ctx.summary(ModularSeries.GROKKING_ITERATION, grokked);
        }
    }
}
