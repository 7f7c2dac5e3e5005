package org.factlab.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.factlab.data.ImageDatasets;
import org.factlab.data.LabeledData;
import org.factlab.data.Subsets;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.math.Prediction;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpArchitecture;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.nn.mlp.MlpTrainer;
import org.factlab.nn.mlp.MlpWeights;
import org.factlab.nn.mlp.Optimizer;
import org.factlab.nn.mlp.ProbeResult;
import org.factlab.nn.mlp.TrainingOptions;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seconds per training epoch and per full probe of the Table 2 configuration (MNIST n = 1000, depth 3, width
 * 1024, batch 64; Appendix B), each as a ratio to its FLOP floor at the GEMM rates measured in this process
 * (float32 for training, float64 for the probe). Arguments: [n] [width]. Not a test: run it with
 * {@code bench/mlp.sh}.
 *
 * <p>Floors. Epoch: forward 2nP, weight gradients 2nP, input gradients 2n(P − P₁) over the weight count P (P₁
 * the first layer's), at the float32 rate. Probe: the GEMMs of {@link MlpProbe} ({@link #passFlops}: forward, loss
 * backward, c Jacobian backward passes, the three sums per layer) and of {@link ProbeResult#compare} for both sides
 * of every layer ({@link #featureFlops}: products, pull-backs, Golub–Van Loan's count for the symmetric
 * eigendecomposition, the reassembled roots), all at the float64 GEMM rate. ND4J runs on
 * {@code -Dfactlab.cpu-threads} threads (default 1, the application's default), and so do the GEMM rates.
 */
public final class MlpBenchmark {

    private static final int DEPTH = 3;
    private static final int CLASSES = 10;
    private static final int BATCH = 64;
    private static final double LAMBDA = 1e-4;
    /** Epochs timed (the best counts): the shared VM's timings vary by up to 40 % from one epoch to the next. */
    private static final int EPOCH_REPEATS = 8;

    private MlpBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int threads = Integer.getInteger("factlab.cpu-threads", 1);
        ComputeBackendProbe.useCpuThreads(threads);
        System.out.println(
                "ND4J: " + ComputeBackendProbe.describe().summary() + " (factlab.cpu-threads=" + threads + ")");
        BenchMachine.printLoad("before");
        LabeledData train = Subsets.stratified(ImageDatasets.load("mnist", true, Path.of("data")), n, 0);
        INDArray x = Nd4j.create(train.features(), new long[] {n, train.d()}, 'c');
        INDArray y = Nd4j.create(Subsets.oneHot(train.labels(), CLASSES), new long[] {n, CLASSES}, 'c');
        MlpArchitecture arch = new MlpArchitecture(train.d(), width, DEPTH, CLASSES, Activation.RELU, true);
        TrainingOptions options =
                new TrainingOptions(Optimizer.SGD, 0.1, 0.9, LAMBDA, LearningRateSchedule.COSINE, 200, BATCH, 0L);
        MlpTrainer trainer = new MlpTrainer(arch, options, x, y, DataType.FLOAT);

        double rate32 = BenchMachine.gemmFlopsPerSecond(DataType.FLOAT);
        trainer.trainEpoch(() -> false);
        double epoch = Double.MAX_VALUE;
        for (int r = 0; r < EPOCH_REPEATS; r++) {
            long start = System.nanoTime();
            trainer.trainEpoch(() -> false);
            epoch = Math.min(epoch, (System.nanoTime() - start) / 1e9);
        }
        double epochFloor = epochFlops(arch, n) / rate32;

        double rate64 = BenchMachine.gemmFlopsPerSecond(DataType.DOUBLE);
        MlpWeights weights = trainer.weights();
        fullProbe(weights, x, y, n);
        double[] probe = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < 2; r++) {
            double[] t = fullProbe(weights, x, y, n);
            probe[0] = Math.min(probe[0], t[0]);
            probe[1] = Math.min(probe[1], t[1]);
        }
        double sumsFloor = passFlops(arch, n) / rate64;
        double rootsFloor = featureFlops(arch) / rate64;
        BenchMachine.printLoad("after");
        System.out.printf(
                Locale.ROOT, "GEMM rate: float32 %.0f GFLOP/s, float64 %.0f GFLOP/s%n", rate32 / 1e9, rate64 / 1e9);
        System.out.printf(
                Locale.ROOT,
                "| what (n = %d, width %d, depth %d) | seconds | FLOP floor s | ×floor |%n" + "|---|---|---|---|%n",
                n,
                width,
                DEPTH);
        row("training epoch (float32, batch 64)", epoch, epochFloor);
        row("probe: passes and sums (float64)", probe[0], sumsFloor);
        row("probe: feature matrices, roots, similarities (float64)", probe[1], rootsFloor);
        row("full probe, all layers, both sides", probe[0] + probe[1], sumsFloor + rootsFloor);
    }

    private static void row(String what, double seconds, double floor) {
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f |%n", what, seconds, floor, seconds / floor);
    }

    /** Seconds of {probe: passes and sums; every layer's feature matrices, roots and similarities, both sides}. */
    private static double[] fullProbe(MlpWeights weights, INDArray x, INDArray y, int n) {
        long start = System.nanoTime();
        ProbeResult result = new MlpProbe(weights, Activation.RELU, n).probe(x, y, LAMBDA);
        long sums = System.nanoTime();
        double check = 0;
        for (int l = 0; l < DEPTH; l++) {
            ProbeResult.LayerComparison layer = result.compare(l, true, Set.of());
            check += layer.gradientNorm()
                    + layer.forward().pearson().get(Prediction.SYM_FACT)
                    + layer.backward().cosine().get(Prediction.SQRT_AGOP);
        }
        long end = System.nanoTime();
        if (!Double.isFinite(check)) {
            throw new IllegalStateException("a similarity is not finite");
        }
        return new double[] {(sums - start) / 1e9, (end - sums) / 1e9};
    }

    private static double epochFlops(MlpArchitecture a, int n) {
        double weights = 0;
        for (int l = 0; l < a.depth(); l++) {
            weights += (double) a.layerInputs(l) * a.layerOutputs(l);
        }
        double first = (double) a.layerInputs(0) * a.layerOutputs(0);
        return n * (6 * weights - 2 * first);
    }

    /** GEMMs of the passes and sums: forward, loss and c Jacobian backward passes, Σ δhᵀ, Σ δδᵀ, Σ JJᵀ per layer. */
    private static double passFlops(MlpArchitecture a, int n) {
        double flops = 0;
        for (int l = 0; l < a.depth(); l++) {
            double in = a.layerInputs(l);
            double out = a.layerOutputs(l);
            double passes = l == 0 ? 1 : 2 + CLASSES; // forward; loss and c Jacobian backward passes
            flops += 2.0 * n * in * out * passes;
            flops += 2.0 * n * in * out + 2.0 * n * out * out * (1 + CLASSES); // Σ δhᵀ, Σ δδᵀ, Σ JJᵀ
        }
        return flops;
    }

    /**
     * Feature matrices, roots and similarities of both sides of every layer ({@link ProbeResult#compare}): the
     * products WᵀW, FACT = −Wᵀ∇L/λ, the pull-backs Wᵀ(·)W of bAGOP and beNFA, WWᵀ, bFACT and the products FACT·FACTᵀ
     * of both sides; per side three symmetric eigendecompositions (Golub–Van Loan: 9k³ each, with vectors) and one
     * GEMM per reassembled root (2k³: four forward, three backward) at the side's dimension k. A forward side
     * narrower than its input (r = out &lt; in) works in W's row space: a thin SVD of W (≈ 14·in·r²), the
     * eigendecompositions and roots at k = r, three restrictions Qᵀ(·)Q and four expansions Q(·)Qᵀ
     * (2·in²·r + 2·in·r² each). The similarities are memory passes that no FLOP count sees.
     */
    private static double featureFlops(MlpArchitecture a) {
        double flops = 0;
        for (int l = 0; l < a.depth(); l++) {
            double in = a.layerInputs(l);
            double out = a.layerOutputs(l);
            flops += 2 * (2 * in * in * out) + 2 * (2 * in * out * out + 2 * in * in * out) + 2 * (2 * out * out * in);
            flops += 2 * in * in * in + 2 * out * out * out;
            if (out < in) {
                flops += 14 * in * out * out + 7 * (2 * in * in * out + 2 * in * out * out) + (27 + 8) * cube(out);
            } else {
                flops += (27 + 8) * cube(in);
            }
            flops += (27 + 6) * cube(out);
        }
        return flops;
    }

    private static double cube(double k) {
        return k * k * k;
    }
}
