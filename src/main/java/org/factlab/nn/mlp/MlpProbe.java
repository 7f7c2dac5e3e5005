package org.factlab.nn.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.factlab.math.FeatureMatrices;
import org.factlab.math.ScratchWorkspaces;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Probes an MLP's weights on a data set in float64 (§3, Appendix A): per chunk of samples one forward pass,
 * one backward pass of the loss (every δᵢ = ∂ℓᵢ/∂uᵢ at every layer) and c backward passes of the model
 * (pass k seeded with ones in output column k: the rows ∂f_k(xᵢ)/∂u). Each layer keeps three running sums,
 * one GEMM per chunk each: Σᵢ δᵢhᵢᵀ (n ∇_W L), Σᵢ δᵢδᵢᵀ (n beNFA) and Σᵢ Σ_k (∂f_k/∂u)(∂f_k/∂u)ᵀ (n bAGOP).
 * Everything else follows from these and W ({@link ProbeResult}).
 *
 * <p>Loss: L = (1/n) Σᵢ ℓᵢ with ℓᵢ of {@link Loss}: by default ℓᵢ = (1/c)‖f(xᵢ) − yᵢ‖² (mean squared error averaged
 * over the c outputs), so ∂ℓᵢ/∂f = (2/c)(f(xᵢ) − yᵢ); with cross-entropy ∂ℓᵢ/∂f = softmax(f(xᵢ)) − yᵢ.
 */
public final class MlpProbe {

    private final MlpWeights weights;
    private final Activation activation;
    private final int chunkRows;
    private final Loss loss;

    /** A probe of the mean-squared-error objective. */
    public MlpProbe(MlpWeights weights, Activation activation, int chunkRows) {
        this(weights, activation, chunkRows, Loss.MSE);
    }

    /**
     * @param chunkRows samples per chunk; memory grows with it (see {@link #bytesPerChunkRow})
     * @param loss      the ℓᵢ of the objective whose FACT is measured
     */
    public MlpProbe(MlpWeights weights, Activation activation, int chunkRows, Loss loss) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be ≥ 1, got " + chunkRows);
        }
        this.weights = weights;
        this.activation = activation;
        this.chunkRows = chunkRows;
        this.loss = loss;
    }

    /** Float64 bytes one sample of a chunk holds: inputs, pre-activations, σ′ and two sets of deltas. */
    public static long bytesPerChunkRow(int inputDim, int width, int depth, int outputs) {
        long widths = (long) width * Math.max(0, depth - 1) + outputs;
        return 8L * (inputDim + 5 * widths);
    }

    /** Loss, accuracy and the per-layer sums on ({@code x}, {@code y}) (n×d and n×c, any data type). */
    public ProbeResult probe(INDArray x, INDArray y, double lambda) {
        return probe(x, y, lambda, () -> false);
    }

    /**
     * As {@link #probe(INDArray, INDArray, double)}, asking {@code stop} before every chunk of samples: when it says
     * true, the probe ends there with a {@link CancellationException}.
     */
    public ProbeResult probe(INDArray x, INDArray y, double lambda, BooleanSupplier stop) {
        int depth = weights.depth();
        long n = x.rows();
        List<INDArray> gradientSums = new ArrayList<>();
        List<INDArray> deltaGrams = new ArrayList<>();
        List<INDArray> jacobianGrams = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            INDArray w = weights.weight(l);
            gradientSums.add(Nd4j.zeros(DataType.DOUBLE, w.rows(), w.columns()));
            deltaGrams.add(Nd4j.zeros(DataType.DOUBLE, w.rows(), w.rows()));
            jacobianGrams.add(Nd4j.zeros(DataType.DOUBLE, w.rows(), w.rows()));
        }
        Totals totals = new Totals(loss);
        for (long start = 0; start < n; start += chunkRows) {
            if (stop.getAsBoolean()) {
                throw new CancellationException("the probe was stopped after " + start + " of " + n + " samples");
            }
            try (MemoryWorkspace cycle = ScratchWorkspaces.cycle(ScratchWorkspaces.PASSES)) {
                addChunk(x, y, start, Math.min(n, start + chunkRows), totals, gradientSums, deltaGrams, jacobianGrams);
            }
        }
        return new ProbeResult(
                weights,
                lambda,
                n,
                totals.loss / n,
                totals.correct / (double) n,
                gradientSums,
                deltaGrams,
                jacobianGrams);
    }

    /** One chunk's passes, added to the totals and to every layer's three sums. */
    private void addChunk(
            INDArray x,
            INDArray y,
            long start,
            long end,
            Totals totals,
            List<INDArray> gradientSums,
            List<INDArray> deltaGrams,
            List<INDArray> jacobianGrams) {
        int depth = weights.depth();
        int c = (int) y.columns();
        INDArray xc = rows(x, start, end);
        INDArray yc = rows(y, start, end);
        ForwardPass pass = new ForwardPass(weights, activation, xc);
        totals.add(pass.output(), yc);
        List<INDArray> deltas = pass.backward(loss.delta(pass.output(), yc));
        for (int l = 0; l < depth; l++) {
            FeatureMatrices.addCrossProducts(gradientSums.get(l), deltas.get(l), pass.input(l));
            FeatureMatrices.addCrossProducts(deltaGrams.get(l), deltas.get(l), deltas.get(l));
        }
        for (int k = 0; k < c; k++) {
            List<INDArray> jacobian = pass.backward(outputSeed(end - start, c, k));
            for (int l = 0; l < depth; l++) {
                FeatureMatrices.addCrossProducts(jacobianGrams.get(l), jacobian.get(l), jacobian.get(l));
            }
        }
    }

    /**
     * Frees the memory the calling thread's probes kept for reuse ({@link ScratchWorkspaces}); call at the end of a
     * run.
     */
    public static void releaseMemory() {
        ScratchWorkspaces.release();
    }

    /** Loss L and argmax accuracy on ({@code x}, {@code y}) from forward passes only. */
    public double[] lossAndAccuracy(INDArray x, INDArray y) {
        long n = x.rows();
        Totals totals = new Totals(loss);
        for (long start = 0; start < n; start += chunkRows) {
            long end = Math.min(n, start + chunkRows);
            try (MemoryWorkspace cycle = ScratchWorkspaces.cycle(ScratchWorkspaces.PASSES)) {
                totals.add(new ForwardPass(weights, activation, rows(x, start, end)).output(), rows(y, start, end));
            }
        }
        return new double[] {totals.loss / n, totals.correct / (double) n};
    }

    /** ∂ℓᵢ/∂f = (2/c)(f − y) for every row (mean squared error). */
    static INDArray lossDelta(INDArray f, INDArray y) {
        return Loss.MSE.delta(f, y);
    }

    /** B×c with ones in column k: the seed of the backward pass of f_k. */
    static INDArray outputSeed(long rows, int c, int k) {
        INDArray seed = Nd4j.zeros(DataType.DOUBLE, rows, c);
        seed.getColumn(k).assign(1.0);
        return seed;
    }

    private static INDArray rows(INDArray a, long start, long end) {
        return a.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())
                .castTo(DataType.DOUBLE)
                .dup('c');
    }

    /** Σᵢ ℓᵢ and the count of rows whose largest output is at the target's largest entry. */
    private static final class Totals {
        private final Loss kind;
        private double loss;
        private long correct;

        Totals(Loss kind) {
            this.kind = kind;
        }

        void add(INDArray f, INDArray y) {
            loss += kind.sum(f, y);
            long[] predicted = f.argMax(1).toLongVector();
            long[] target = y.argMax(1).toLongVector();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == target[i]) {
                    correct++;
                }
            }
        }
    }
}
