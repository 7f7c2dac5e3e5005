package org.factlab.nn.mlp;

import java.nio.FloatBuffer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training forward and backward pass of an MLP as a fixed sequence of BLAS GEMMs and Java loops over
 * buffers allocated once per run. Parameters and gradients are flat buffers in the DL4J network's own layout
 * (per layer W as DL4J's f-ordered [in, out], i.e. the paper's out×in row-major, then b), so the trainer moves
 * them to and from the network with one copy.
 *
 * <p>A minibatch is feature-major: the inputs are d×B (an example per column), each layer's output and delta
 * out×B, so that the products are Z = W·H, ∇W = Δ·Hᵀ and Δ_{l−1} = Wᵀ·Δ_l, the GEMM shapes OpenBLAS runs fastest
 * here (the long side of W as GEMM's M; 3–17 % faster than H·Wᵀ at B = 64–128, bench/README.md). The forward pass
 * writes each layer's z into its output buffer and applies σ in place: the backward pass takes σ' from h = σ(z)
 * (ReLU: 1 where h &gt; 0, i.e. z &gt; 0; tanh: 1 − h²; identity: 1), as PyTorch does.
 */
final class LeanNetwork {

    private final Activation activation;
    private final Loss loss;
    private final int depth;
    private final NativeBuffer parameters;
    private final NativeBuffer gradients;
    private final NativeMatrix[] weights;
    /** Offset of layer l's W in the flat buffers. */
    private final int[] weightOffsets;
    /** Offset of layer l's bias in the flat buffers, −1 without bias. */
    private final int[] biasOffsets;

    private final NativeBuffer[] outputBuffers;
    private final NativeBuffer[] deltaBuffers;
    /**
     * Heap scratch rows (one unit over the minibatch) for the float32 element-wise passes: a row is copied in and
     * out in bulk, so that the loops run over Java arrays, which C2 vectorises (loops over a direct buffer's
     * elements it does not).
     */
    private final float[] rowScratch;

    private final float[] activationScratch;

    /** Buffers for minibatches of up to {@code maxRows} examples; the parameters start as the network's. */
    LeanNetwork(MlpArchitecture architecture, MultiLayerNetwork net, DataType type, int maxRows, Loss loss) {
        this.activation = architecture.activation();
        this.loss = loss;
        this.depth = architecture.depth();
        INDArray flat = net.params();
        parameters = NativeBuffer.allocate(type, flat.length());
        parameters.read(flat);
        gradients = NativeBuffer.allocate(type, flat.length());
        weights = new NativeMatrix[depth];
        weightOffsets = new int[depth];
        biasOffsets = new int[depth];
        outputBuffers = new NativeBuffer[depth];
        deltaBuffers = new NativeBuffer[depth];
        for (int l = 0; l < depth; l++) {
            Layer layer = net.getLayer(l);
            INDArray w = layer.getParam("W");
            int in = architecture.layerInputs(l);
            int out = architecture.layerOutputs(l);
            if (w.rows() != in || w.columns() != out || (out > 1 && in > 1 && w.stride(0) != 1)) {
                throw new IllegalStateException("layer " + l + ": expected DL4J's f-ordered [in, out] W");
            }
            int wOffset = Math.toIntExact(w.offset() - flat.offset());
            weights[l] = new NativeMatrix(parameters, wOffset, out, in);
            weightOffsets[l] = wOffset;
            INDArray b = layer.paramTable().get("b");
            biasOffsets[l] = b == null ? -1 : Math.toIntExact(b.offset() - flat.offset());
            outputBuffers[l] = NativeBuffer.allocate(type, (long) maxRows * out);
            deltaBuffers[l] = NativeBuffer.allocate(type, (long) maxRows * out);
        }
        rowScratch = new float[maxRows];
        activationScratch = new float[maxRows];
    }

    NativeBuffer parameters() {
        return parameters;
    }

    NativeBuffer gradients() {
        return gradients;
    }

    /**
     * Where a gradient pass writes: {@code into ← β·into + ∇θ} over the flat parameter layout. β = 0 gives the
     * gradient itself; heavy ball passes its momentum buffer and β = μ, so that GEMM's own β-scaling of its output
     * makes b ← μb + ∇L without passes of its own. Made once per run (it holds the BLAS views).
     */
    record Accumulator(NativeBuffer into, NativeMatrix[] weights, double beta) {}

    Accumulator accumulator(NativeBuffer into, double beta) {
        NativeMatrix[] views = new NativeMatrix[depth];
        for (int l = 0; l < depth; l++) {
            views[l] = new NativeMatrix(into, weightOffsets[l], weights[l].rows, weights[l].cols);
        }
        return new Accumulator(into, views, beta);
    }

    /** Views of the buffers for minibatches of {@code examples} examples (made once per batch size). */
    Pass pass(int examples) {
        return new Pass(examples);
    }

    final class Pass {
        private final int examples;
        private final NativeMatrix[] outputs = new NativeMatrix[depth];
        private final NativeMatrix[] deltas = new NativeMatrix[depth];

        private Pass(int examples) {
            this.examples = examples;
            for (int l = 0; l < depth; l++) {
                outputs[l] = new NativeMatrix(outputBuffers[l], 0, weights[l].rows, examples);
                deltas[l] = new NativeMatrix(deltaBuffers[l], 0, weights[l].rows, examples);
            }
        }

        int examples() {
            return examples;
        }

        /**
         * Adds ∇θ of the minibatch's mean loss (1/B) Σᵢ ℓᵢ ({@link Loss}) to the accumulator
         * ({@code into ← β·into + ∇θ}) and returns that mean loss at the current parameters.
         *
         * @param x the inputs, d×B (an example per column)
         * @param y the targets, c×B
         */
        double gradient(NativeMatrix x, NativeMatrix y, Accumulator target) {
            for (int l = 0; l < depth; l++) {
                outputs[l].gemm(weights[l], false, l == 0 ? x : outputs[l - 1], false, 1, 0);
                addBiasAndActivate(outputs[l], biasOffsets[l], l < depth - 1);
            }
            double loss = lossAndDelta(outputs[depth - 1], y, deltas[depth - 1], biasOffsets[depth - 1], target);
            for (int l = depth - 1; l >= 0; l--) {
                target.weights()[l].gemm(deltas[l], false, l == 0 ? x : outputs[l - 1], true, 1, target.beta());
                if (l > 0) {
                    deltas[l - 1].gemm(weights[l], true, deltas[l], false, 1, 0);
                    backpropagate(deltas[l - 1], outputs[l - 1], biasOffsets[l - 1], target);
                }
            }
            return loss;
        }
    }

    /** z ← z + b (with bias; b_j added along unit j's row), then h = σ(z) in place on hidden layers. */
    private void addBiasAndActivate(NativeMatrix z, int bias, boolean hidden) {
        Activation sigma = hidden ? activation : Activation.IDENTITY;
        if (bias < 0 && sigma == Activation.IDENTITY) {
            return;
        }
        if (z.buffer.isFloat()) {
            FloatBuffer values = z.buffer.floats;
            float[] row = rowScratch;
            for (int j = 0; j < z.rows; j++) {
                int start = z.offset + j * z.cols;
                float b = bias >= 0 ? (float) parameters.get(bias + j) : 0f;
                values.get(start, row, 0, z.cols);
                switch (sigma) {
                    case RELU -> reluWithBias(row, b, z.cols);
                    case TANH -> tanhWithBias(row, b, z.cols);
                    case IDENTITY -> addBias(row, b, z.cols);
                }
                values.put(start, row, 0, z.cols);
            }
            return;
        }
        NativeBuffer values = z.buffer;
        for (int j = 0; j < z.rows; j++) {
            double b = bias >= 0 ? parameters.get(bias + j) : 0;
            int start = z.offset + j * z.cols;
            for (int k = 0; k < z.cols; k++) {
                double v = values.get(start + k) + b;
                values.set(
                        start + k,
                        switch (sigma) {
                            case RELU -> Math.max(v, 0);
                            case TANH -> Math.tanh(v);
                            case IDENTITY -> v;
                        });
            }
        }
    }

    /** row ← max(row + b, 0); NaN stays NaN, as in PyTorch. */
    private static void reluWithBias(float[] row, float b, int count) {
        for (int k = 0; k < count; k++) {
            row[k] = Math.max(row[k] + b, 0f);
        }
    }

    private static void tanhWithBias(float[] row, float b, int count) {
        for (int k = 0; k < count; k++) {
            row[k] = (float) Math.tanh(row[k] + b);
        }
    }

    private static void addBias(float[] row, float b, int count) {
        for (int k = 0; k < count; k++) {
            row[k] += b;
        }
    }

    /**
     * Δ ← Δ ∘ σ'(z) with σ' read off h = σ(z), and with bias that layer's bias gradient, the sums of Δ's rows (in
     * the buffers' precision, as PyTorch sums), in the same pass.
     */
    private void backpropagate(NativeMatrix delta, NativeMatrix h, int bias, Accumulator target) {
        if (activation == Activation.IDENTITY && bias < 0) {
            return;
        }
        int count = delta.cols;
        if (delta.buffer.isFloat() && h.buffer.isFloat()) {
            float[] row = rowScratch;
            float[] activations = activationScratch;
            for (int j = 0; j < delta.rows; j++) {
                int start = delta.offset + j * count;
                delta.buffer.floats.get(start, row, 0, count);
                h.buffer.floats.get(h.offset + j * count, activations, 0, count);
                switch (activation) {
                    case RELU -> reluBackward(row, activations, count);
                    case TANH -> tanhBackward(row, activations, count);
                    case IDENTITY -> {}
                }
                delta.buffer.floats.put(start, row, 0, count);
                if (bias >= 0) {
                    accumulate(target, bias + j, sum(row, count));
                }
            }
            return;
        }
        for (int j = 0; j < delta.rows; j++) {
            double sum = 0;
            for (int k = 0; k < count; k++) {
                int i = j * count + k;
                double a = h.buffer.get(h.offset + i);
                double v = delta.buffer.get(delta.offset + i)
                        * switch (activation) {
                            case RELU -> a > 0 ? 1 : 0;
                            case TANH -> 1 - a * a;
                            case IDENTITY -> 1;
                        };
                delta.buffer.set(delta.offset + i, v);
                sum += v;
            }
            if (bias >= 0) {
                accumulate(target, bias + j, sum);
            }
        }
    }

    /** into[i] ← β·into[i] + value (just value for β = 0, whatever into[i] held). */
    private static void accumulate(Accumulator target, int i, double value) {
        target.into()
                .set(
                        i,
                        target.beta() == 0
                                ? value
                                : target.beta() * target.into().get(i) + value);
    }

    /**
     * Δ ← Δ · 1[h &gt; 0] without a branch: h = max(z, 0) ≥ 0, and (h·2¹⁰⁰)·2¹⁰⁰ ≥ 1 for every positive float
     * down to the least subnormal 2⁻¹⁴⁹, so min(that, 1) is exactly 1 where h &gt; 0 and 0 where h = 0. The branch,
     * taken at random for about half the units, costs 15–40× this loop, which C2 vectorises.
     */
    private static void reluBackward(float[] delta, float[] h, int count) {
        for (int k = 0; k < count; k++) {
            delta[k] *= Math.min(h[k] * 0x1p100f * 0x1p100f, 1f);
        }
    }

    /** Δ ← Δ · (1 − h²) for h = tanh(z). */
    private static void tanhBackward(float[] delta, float[] h, int count) {
        for (int k = 0; k < count; k++) {
            delta[k] *= 1 - h[k] * h[k];
        }
    }

    /** Σ values[0..count), in float32 in four interleaved partial sums (as a vectorised sum adds). */
    private static float sum(float[] values, int count) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < count; k += 4) {
            s0 += values[k];
            s1 += values[k + 1];
            s2 += values[k + 2];
            s3 += values[k + 3];
        }
        for (; k < count; k++) {
            s0 += values[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Δ_L = ∂/∂f of the mean loss, (2/(Bc))(f − y) (or (1/B)(softmax(f) − y) for cross-entropy), with bias its row
     * sums into the bias gradient; returns the mean loss (1/(Bc)) Σ (f − y)² (or (1/B) Σᵢ ℓᵢ). f, y and Δ are c×B.
     */
    private double lossAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta, int bias, Accumulator target) {
        double mean =
                loss == Loss.CROSS_ENTROPY ? crossEntropyAndDelta(f, y, delta) : squaredErrorAndDelta(f, y, delta);
        if (bias >= 0) {
            for (int j = 0; j < f.rows; j++) {
                double sum = 0;
                for (int k = 0; k < f.cols; k++) {
                    sum += delta.buffer.get(delta.offset + j * f.cols + k);
                }
                accumulate(target, bias + j, sum);
            }
        }
        return mean;
    }

    /** (1/(Bc)) Σ (f − y)², Δ = (2/(Bc))(f − y). */
    private double squaredErrorAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta) {
        double scale = 2.0 / f.size();
        double sum = 0;
        for (int i = 0; i < f.size(); i++) {
            double e = f.buffer.get(f.offset + i) - y.buffer.get(y.offset + i);
            sum += e * e;
            delta.buffer.set(delta.offset + i, scale * e);
        }
        return sum / f.size();
    }

    /**
     * (1/B) Σᵢ (log Σ_k e^{f_ki} − Σ_k y_ki f_ki), Δ = (1/B)(softmax(f) − y), each example's column shifted by its
     * maximum.
     */
    private double crossEntropyAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta) {
        return ColumnCrossEntropy.sumAndGradient(f, y, delta, f.cols) / f.cols;
    }
}
