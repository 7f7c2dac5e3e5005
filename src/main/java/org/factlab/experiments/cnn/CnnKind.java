package org.factlab.experiments.cnn;

import java.util.ArrayList;
import java.util.List;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.paper.PaperLabelledKind;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Prediction;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.cnn.CnnProbe;
import org.factlab.nn.cnn.CnnTrainer;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.nn.mlp.Optimizer;
import org.factlab.nn.mlp.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * FACT for convolutions (docs/science.md, "Convolutional layers"): a small CNN trained with SGD and coupled weight
 * decay on the lean GEMM-over-patches trainer (float32), probed in float64 on the whole training subset every few
 * epochs. Every weight layer gets the mlp kind's series ({@link MlpSeries}, layer 1 = the first convolution, its
 * matrices in patch form: W ∈ ℝ^{k×cq²} against patch FACT, √(FACT·FACTᵀ), patch AGOP, √AGOP, patch eNFA, √eNFA)
 * and the mlp kind's run page.
 */
public final class CnnKind implements PaperLabelledKind<CnnSpec> {

    @Override
    public String id() {
        return "cnn";
    }

    @Override
    public String title() {
        return "CNN feature alignment: patch FACT vs patch AGOP per convolution";
    }

    @Override
    public String description() {
        return "Trains a small convolutional network (one or two convolutions with ReLU or tanh and optional 2×2 "
                + "max-pooling, then dense layers) with MSE or cross-entropy, SGD with momentum and coupled weight "
                + "decay λ, on MNIST, Fashion-MNIST or CIFAR-10. A convolution with k filters of c channels and q×q "
                + "windows is W ∈ ℝ^{k×cq²} applied to every patch x_i[p]; at a critical point patch FACT = −(1/(nλ)) "
                + "Σᵢ Σ_p (∂ℓᵢ/∂x_i[p]) x_i[p]ᵀ equals WᵀW (Theorem 3.1's argument). Every probe compares WᵀW of each "
                + "convolution with patch FACT, √(FACT·FACTᵀ), the patch AGOP (the convolutional NFA), √AGOP, patch "
                + "eNFA and √eNFA, and records ‖∇_W L_λ‖ and FACT's relative error; dense layers as in the mlp kind.";
    }

    @Override
    public Class<CnnSpec> specType() {
        return CnnSpec.class;
    }

    @Override
    public CnnSpec defaultSpec() {
        return CnnPresets.DEFAULTS;
    }

    @Override
    public List<Preset<CnnSpec>> presets() {
        return CnnPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        List<Section> sections = new ArrayList<>(MlpSections.all());
        sections.add(MlpSections.filters(null));
        return sections;
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(
                MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON),
                MlpSeries.similarity(1, false, Prediction.SQRT_AGOP, MlpSeries.PEARSON),
                MlpSeries.factRelativeError(1, false),
                MlpSeries.TEST_ACCURACY);
    }

    /**
     * The loaded dataset (float32), the training copies (float32 trainer, float64 probes), the trainer's pass buffers
     * for a minibatch, one probe chunk and the first layer's feature matrices with their roots.
     */
    @Override
    public long estimateMemoryBytes(CnnSpec spec) {
        CnnArchitecture arch = CnnData.architecture(spec);
        int d = arch.inputDim();
        long full =
                "cifar10".equals(spec.dataset()) ? CnnSpec.CIFAR_TRAINING_SIZE + 10_000L : spec.n() + spec.testSize();
        long loaded = 4L * full * (d + 1);
        long copies = (4L + 4 + 8) * ((long) spec.n() + spec.testSize()) * (d + CnnData.CLASSES);
        long row = CnnProbe.bytesPerChunkRow(arch);
        long passes = row / 2 * Math.min(spec.batchSize(), spec.n()) + row * CnnEvaluator.chunkRows(arch, spec);
        long largest = 0;
        for (int l = 0; l < arch.depth(); l++) {
            largest = Math.max(largest, Math.max(arch.rows(l), arch.cols(l)));
        }
        return loaded + copies + passes + 8L * 16 * largest * largest + 8L * 4 * arch.parameterCount();
    }

    @Override
    public void run(CnnSpec spec, RunContext ctx) throws Exception {
        try {
            train(spec, ctx);
        } finally {
            MlpProbe.releaseMemory();
        }
    }

    private static void train(CnnSpec spec, RunContext ctx) throws Exception {
        CnnData data = CnnData.load(spec, ctx.datasetsDirectory());
        CnnArchitecture arch = CnnData.architecture(spec);
        TrainingOptions options = new TrainingOptions(
                Optimizer.SGD,
                spec.lr(),
                spec.momentum(),
                spec.lambda(),
                spec.lrSchedule(),
                spec.epochs(),
                spec.batchSize(),
                spec.seed(),
                spec.loss());
        CnnTrainer trainer = new CnnTrainer(arch, options, data.trainX(), data.trainY(), DataType.FLOAT);
        CnnEvaluator evaluator = new CnnEvaluator(spec, arch, data, ctx);
        evaluator.evaluate(0, trainer.parameters(), options.rate(0), false);
        ctx.progress(0, spec.epochs());
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            if (ctx.cancelled() || !trainer.trainEpoch(ctx::cancelled)) {
                return;
            }
            if (!Double.isFinite(trainer.lastLoss())) {
                throw new RunDivergedException("the minibatch loss became " + trainer.lastLoss() + " in epoch " + epoch
                        + " (learning rate " + spec.lr() + " too large?)");
            }
            boolean last = epoch == spec.epochs();
            if (last || epoch % spec.evalEvery() == 0) {
                evaluator.evaluate(epoch, trainer.parameters(), options.rate(epoch - 1), last);
            }
            ctx.progress(epoch, spec.epochs());
        }
    }
}
