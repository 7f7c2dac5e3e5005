package org.factlab.experiments.mlp;

import java.util.List;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.paper.PaperLabelledKind;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Prediction;
import org.factlab.nn.mlp.MlpArchitecture;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.nn.mlp.MlpTrainer;
import org.factlab.nn.mlp.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * §3 / Table 2 / Figures 3, 8–11 / Appendices A–C: a fully connected network trained with weight decay on
 * Deeplearning4j (float32), probed in float64 on the whole training subset every few epochs: per layer the
 * Pearson and cosine similarity of FACT, √(FACT·FACTᵀ), AGOP, √AGOP, AGOP^{1/L}, eNFA and √eNFA with WᵀW
 * (and the backward forms with WWᵀ), the stationarity ‖∇_W L_λ‖ and FACT's relative error. Series:
 * {@link MlpSeries}.
 */
public final class MlpKind implements PaperLabelledKind<MlpSpec> {

    @Override
    public String id() {
        return "mlp";
    }

    @Override
    public String title() {
        return "MLP feature alignment: FACT vs NFA vs eNFA per layer (Table 2, Figures 3, 8–11)";
    }

    @Override
    public String description() {
        return "Trains a fully connected network (ReLU, tanh, or identity = the deep linear networks of Appendix C) "
                + "with MSE (or softmax cross-entropy), SGD with momentum (or Adam), coupled weight decay λ and a "
                + "cosine learning-rate decay, on MNIST, Fashion-MNIST, CIFAR-10 or Gaussian-linear data. Every probe "
                + "computes, for every layer and in double precision on the whole training subset, the neural feature "
                + "matrix WᵀW and its predictions FACT = −(1/(nλ)) Σ ∇_hℓ hᵀ (Theorem 3.1), √(FACT·FACTᵀ), AGOP, "
                + "√AGOP, AGOP^{1/L} (AGOP^{1/(L−ℓ+1)} at layer ℓ, the balanced deep linear network's root) and eNFA, "
                + "√eNFA, with their Pearson and cosine similarity to WᵀW, plus the backward forms against WWᵀ "
                + "(Appendix A). FACT − WᵀW = −(1/λ) Wᵀ∇_W L_λ, so the run also records ‖∇_W L_λ‖ and the relative "
                + "error of FACT: FACT is as good as training has converged.";
    }

    @Override
    public Class<MlpSpec> specType() {
        return MlpSpec.class;
    }

    @Override
    public MlpSpec defaultSpec() {
        return MlpPresets.DEFAULTS;
    }

    @Override
    public List<Preset<MlpSpec>> presets() {
        return MlpPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        return MlpSections.all();
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(
                MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON),
                MlpSeries.similarity(1, false, Prediction.SYM_FACT, MlpSeries.PEARSON),
                MlpSeries.similarity(1, false, Prediction.SQRT_AGOP, MlpSeries.PEARSON),
                MlpSeries.similarity(1, false, Prediction.SQRT_ENFA, MlpSeries.PEARSON),
                MlpSeries.TEST_ACCURACY);
    }

    @Override
    public long estimateMemoryBytes(MlpSpec spec) {
        return MlpMemory.estimate(spec);
    }

    @Override
    public void run(MlpSpec spec, RunContext ctx) throws Exception {
        try {
            train(spec, ctx);
        } finally {
            MlpProbe.releaseMemory();
        }
    }

    private static void train(MlpSpec spec, RunContext ctx) throws Exception {
        MlpData data = MlpData.load(spec, ctx.datasetsDirectory());
        MlpArchitecture architecture = new MlpArchitecture(
                data.inputDim(), spec.width(), spec.depth(), data.outputDim(), spec.activation(), spec.bias());
        TrainingOptions options = new TrainingOptions(
                spec.optimizer(),
                spec.lr(),
                spec.momentum(),
                spec.lambda(),
                spec.lrSchedule(),
                spec.epochs(),
                spec.batchSize(),
                spec.seed(),
                spec.loss());
        MlpTrainer trainer = new MlpTrainer(architecture, options, data.trainX(), data.trainY(), DataType.FLOAT);
        MlpEvaluator evaluator = new MlpEvaluator(spec, data, ctx);
        evaluator.evaluate(0, trainer.weights(), options.rate(0), false);
        ctx.progress(0, spec.epochs());
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            if (ctx.cancelled() || !trainer.trainEpoch(ctx::cancelled)) {
                return;
            }
            if (!Double.isFinite(trainer.lastScore())) {
                throw new RunDivergedException("the minibatch objective became " + trainer.lastScore() + " in epoch "
                        + epoch + " (learning rate " + spec.lr() + " too large?)");
            }
            boolean last = epoch == spec.epochs();
            if (last || epoch % spec.evalEvery() == 0) {
                evaluator.evaluate(epoch, trainer.weights(), options.rate(epoch - 1), last);
            }
            ctx.progress(epoch, spec.epochs());
        }
    }
}
