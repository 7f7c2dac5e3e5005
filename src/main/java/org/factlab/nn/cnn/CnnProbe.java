package org.factlab.nn.cnn;

import java.util.ArrayList;
import java.util.List;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.NativeBuffer;
import org.factlab.nn.mlp.NativeMatrix;
import org.factlab.nn.mlp.ProbeResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Probes a CNN's parameters on a data set in float64 (docs/science.md, "Convolutional layers"). Per chunk of samples:
 * one forward pass, one backward pass of the summed loss Σᵢ ℓᵢ and c backward passes of the model (pass k seeded with
 * ones in output k). Every weight layer keeps three running sums, one GEMM per pass each, over the columns of its
 * δ: for a convolution these are the (sample, patch) pairs, for a dense layer the samples:
 * Σ δ xᵀ = n ∇_W L, Σ δ δᵀ = n·(patch) beNFA and Σ_k Σ (∂f_k/∂u)(∂f_k/∂u)ᵀ = n·(patch) bAGOP. {@link ProbeResult}
 * builds FACT = −(1/λ) Wᵀ∇_W L, AGOP = Wᵀ bAGOP W, eNFA = Wᵀ beNFA W and their roots from them: for a convolution
 * these are the patch forms, each patch x_i[p] treated as an input of its own (∂ℓᵢ/∂x_i[p] = Wᵀδ_i[p]).
 *
 * <p>The data, the network's pass buffers and the running sums are allocated once, when the probe is made; each
 * {@link #probe} reads θ into them (not thread-safe: one probe at a time).
 */
public final class CnnProbe {

    private final CnnArchitecture arch;
    private final NativeBuffer x;
    private final NativeBuffer y;
    private final int n;
    private final int chunkRows;
    private final Loss loss;
    /** θ of the probe under way, read by the network's passes. */
    private final NativeBuffer parameters;

    private final CnnNetwork.Pass full;
    private final CnnNetwork.Pass tail;
    /** Σ δ xᵀ of every layer in the flat parameter layout, and the accumulator (β = 1) that adds to it. */
    private final NativeBuffer gradientSums;

    private final CnnNetwork.Accumulator gradientSum;
    private final NativeMatrix[] deltaGrams;
    private final NativeMatrix[] jacobianGrams;

    /**
     * @param x         images n × CHW in (C, H, W) order, copied to float64
     * @param y         targets n × c, copied to float64
     * @param chunkRows samples per chunk; memory grows with it ({@link #bytesPerChunkRow})
     */
    public CnnProbe(CnnArchitecture arch, INDArray x, INDArray y, int chunkRows, Loss loss) {
        if (chunkRows < 1 || x.rows() != y.rows() || x.columns() != arch.inputDim() || y.columns() != arch.outputs()) {
            throw new IllegalArgumentException("need chunkRows ≥ 1 and n × " + arch.inputDim() + " images with n × "
                    + arch.outputs() + " targets");
        }
        this.arch = arch;
        this.n = Math.toIntExact(x.rows());
        this.x = NativeBuffer.allocate(DataType.DOUBLE, x.length());
        this.x.read(x);
        this.y = NativeBuffer.allocate(DataType.DOUBLE, y.length());
        this.y.read(y);
        this.chunkRows = Math.min(chunkRows, n);
        this.loss = loss;
        parameters = NativeBuffer.allocate(DataType.DOUBLE, arch.parameterCount());
        CnnNetwork network = new CnnNetwork(arch, parameters, this.chunkRows);
        full = network.pass(this.chunkRows);
        tail = n % this.chunkRows == 0 ? null : network.pass(n % this.chunkRows);
        gradientSums = NativeBuffer.allocate(DataType.DOUBLE, arch.parameterCount());
        gradientSum = network.accumulator(gradientSums, 1);
        deltaGrams = new NativeMatrix[arch.depth()];
        jacobianGrams = new NativeMatrix[arch.depth()];
        for (int l = 0; l < arch.depth(); l++) {
            deltaGrams[l] = square(arch.rows(l));
            jacobianGrams[l] = square(arch.rows(l));
        }
    }

    /** Float64 bytes of the pass buffers per sample of a chunk (patches, activations, deltas, patch gradients). */
    public static long bytesPerChunkRow(CnnArchitecture arch) {
        long entries = 2L * arch.inputDim() + 3L * arch.flatDim();
        for (int l = 0; l < arch.convolutionCount(); l++) {
            int[] s = arch.convolvedShape(l);
            long positions = (long) s[0] * s[1];
            entries += positions * (2L * arch.cols(l) + 3L * arch.rows(l));
        }
        for (int l = arch.convolutionCount(); l < arch.depth(); l++) {
            entries += 2L * arch.rows(l);
        }
        return 8 * entries;
    }

    /** Loss, accuracy and every layer's sums for the parameters θ (the flat layout of {@link CnnArchitecture}). */
    public ProbeResult probe(double[] theta, double lambda) {
        int depth = arch.depth();
        parameters.read(Nd4j.createFromArray(theta));
        zero(gradientSums, gradientSums.length());
        for (int l = 0; l < depth; l++) {
            zero(deltaGrams[l].buffer, deltaGrams[l].size());
            zero(jacobianGrams[l].buffer, jacobianGrams[l].size());
        }
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += chunkRows) {
            CnnNetwork.Pass pass = forward(start);
            lossSum += OutputLoss.lossAndSeed(loss, pass.output(), pass.targets(), pass.outputGradient(), 1);
            correct += OutputLoss.correct(pass.output(), pass.targets());
            pass.backward(gradientSum);
            addDeltaGrams(pass, deltaGrams);
            for (int k = 0; k < arch.outputs(); k++) {
                seedOutput(pass.outputGradient(), k);
                pass.backward(null);
                addDeltaGrams(pass, jacobianGrams);
            }
        }
        List<INDArray> gradients = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            gradients.add(matrix(gradientSums, arch.weightOffset(l), arch.rows(l), arch.cols(l)));
        }
        return new ProbeResult(
                arch.weights(theta),
                lambda,
                n,
                lossSum / n,
                correct / (double) n,
                gradients,
                matrices(deltaGrams),
                matrices(jacobianGrams));
    }

    /** Loss L = (1/n) Σᵢ ℓᵢ and argmax accuracy for θ, from forward passes only. */
    public double[] lossAndAccuracy(double[] theta) {
        parameters.read(Nd4j.createFromArray(theta));
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += chunkRows) {
            CnnNetwork.Pass pass = forward(start);
            lossSum += OutputLoss.lossAndSeed(loss, pass.output(), pass.targets(), pass.outputGradient(), 1);
            correct += OutputLoss.correct(pass.output(), pass.targets());
        }
        return new double[] {lossSum / n, correct / (double) n};
    }

    /** Loads samples [start, start + chunk) and runs the forward pass. */
    private CnnNetwork.Pass forward(int start) {
        CnnNetwork.Pass pass = start + chunkRows <= n ? full : tail;
        pass.load(x, y, j -> start + j);
        pass.forward();
        return pass;
    }

    /** Σ δδᵀ of the last backward pass added to every layer's Gram matrix. */
    private static void addDeltaGrams(CnnNetwork.Pass pass, NativeMatrix[] grams) {
        for (int l = 0; l < grams.length; l++) {
            NativeMatrix delta = pass.layerDelta(l);
            grams[l].gemm(delta, false, delta, true, 1, 1);
        }
    }

    /** Ones in row k of the c × B seed, zeros elsewhere: the backward pass of f_k. */
    private static void seedOutput(NativeMatrix seed, int k) {
        for (int i = 0; i < seed.size(); i++) {
            seed.buffer.set(seed.offset + i, i / seed.cols == k ? 1 : 0);
        }
    }

    private static void zero(NativeBuffer buffer, int length) {
        for (int i = 0; i < length; i++) {
            buffer.set(i, 0);
        }
    }

    private static NativeMatrix square(int size) {
        return new NativeMatrix(NativeBuffer.allocate(DataType.DOUBLE, (long) size * size), 0, size, size);
    }

    private static List<INDArray> matrices(NativeMatrix[] blocks) {
        List<INDArray> out = new ArrayList<>();
        for (NativeMatrix block : blocks) {
            out.add(matrix(block.buffer, block.offset, block.rows, block.cols));
        }
        return out;
    }

    /** A new float64 rows×cols ND4J matrix of a block of a float64 buffer. */
    private static INDArray matrix(NativeBuffer buffer, int offset, int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.get(offset + i);
        }
        return Nd4j.create(values, new long[] {rows, cols}, 'c').castTo(DataType.DOUBLE);
    }
}
