package org.factlab.nn.mlp;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training forward and backward pass of an MLP as a fixed sequence of BLAS GEMMs and Java loops over
 * buffers allocated once per run. Parameters and gradients are flat buffers in the DL4J network's own layout
 * (per layer W as DL4J's f-ordered [in, out], i.e. the paper's out×in row-major, then b), so the trainer moves
 * them to and from the network with one copy. The forward pass writes each layer's z into its output buffer and
 * applies σ in place: the backward pass takes σ' from h = σ(z) (ReLU: 1 where h &gt; 0, i.e. z &gt; 0; tanh:
 * 1 − h²; identity: 1), as PyTorch does.
 */
final class LeanNetwork {

    private final Activation activation;
    private final Loss loss;
    private final int depth;
    private final NativeBuffer parameters;
    private final NativeBuffer gradients;
    private final NativeMatrix[] weights;
    private final NativeMatrix[] weightGradients;
    /** Offset of layer l's bias in the flat buffers, −1 without bias. */
    private final int[] biasOffsets;
    private final NativeBuffer[] outputBuffers;
    private final NativeBuffer[] deltaBuffers;
    /** Column sums of a delta, accumulated in float64 (float64 buffers and the output layer). */
    private final double[] columnSums;
    /**
     * Heap scratch rows for the float32 element-wise passes: a row is copied in and out in bulk, so that the loops
     * run over Java arrays, which C2 vectorises (loops over a direct buffer's elements it does not).
     */
    private final float[] rowScratch;
    private final float[] activationScratch;
    private final float[] biasScratch;
    private final float[] floatColumnSums;

    /** Buffers for minibatches of up to {@code maxRows} rows; the parameters start as the network's. */
    LeanNetwork(MlpArchitecture architecture, MultiLayerNetwork net, DataType type, int maxRows, Loss loss) {
        this.activation = architecture.activation();
        this.loss = loss;
        this.depth = architecture.depth();
        INDArray flat = net.params();
        parameters = NativeBuffer.allocate(type, flat.length());
        parameters.read(flat);
        gradients = NativeBuffer.allocate(type, flat.length());
        weights = new NativeMatrix[depth];
        weightGradients = new NativeMatrix[depth];
        biasOffsets = new int[depth];
        outputBuffers = new NativeBuffer[depth];
        deltaBuffers = new NativeBuffer[depth];
        int widest = 0;
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
            weightGradients[l] = new NativeMatrix(gradients, wOffset, out, in);
            INDArray b = layer.paramTable().get("b");
            biasOffsets[l] = b == null ? -1 : Math.toIntExact(b.offset() - flat.offset());
            outputBuffers[l] = NativeBuffer.allocate(type, (long) maxRows * out);
            deltaBuffers[l] = NativeBuffer.allocate(type, (long) maxRows * out);
            widest = Math.max(widest, out);
        }
        columnSums = new double[widest];
        rowScratch = new float[widest];
        activationScratch = new float[widest];
        biasScratch = new float[widest];
        floatColumnSums = new float[widest];
    }

    NativeBuffer parameters() {
        return parameters;
    }

    NativeBuffer gradients() {
        return gradients;
    }

    /** Views of the buffers for minibatches of {@code rows} rows (made once per batch size). */
    Pass pass(int rows) {
        return new Pass(rows);
    }

    final class Pass {
        private final int rows;
        private final NativeMatrix[] outputs = new NativeMatrix[depth];
        private final NativeMatrix[] deltas = new NativeMatrix[depth];

        private Pass(int rows) {
            this.rows = rows;
            for (int l = 0; l < depth; l++) {
                outputs[l] = new NativeMatrix(outputBuffers[l], 0, rows, weights[l].rows);
                deltas[l] = new NativeMatrix(deltaBuffers[l], 0, rows, weights[l].rows);
            }
        }

        int rows() {
            return rows;
        }

        /**
         * Writes ∇θ of the minibatch's mean loss (1/B) Σᵢ ℓᵢ ({@link Loss}) into the gradient buffer and returns
         * that mean loss at the current parameters.
         */
        double gradient(NativeMatrix x, NativeMatrix y) {
            for (int l = 0; l < depth; l++) {
                outputs[l].gemm(l == 0 ? x : outputs[l - 1], false, weights[l], true, 1, 0);
                addBiasAndActivate(outputs[l], biasOffsets[l], l < depth - 1);
            }
            double loss = lossAndDelta(outputs[depth - 1], y, deltas[depth - 1], biasOffsets[depth - 1]);
            for (int l = depth - 1; l >= 0; l--) {
                weightGradients[l].gemm(deltas[l], true, l == 0 ? x : outputs[l - 1], false, 1, 0);
                if (l > 0) {
                    deltas[l - 1].gemm(deltas[l], false, weights[l], false, 1, 0);
                    backpropagate(deltas[l - 1], outputs[l - 1], biasOffsets[l - 1]);
                }
            }
            return loss;
        }
    }

    /** z ← z + b (with bias), then h = σ(z) in place on hidden layers. */
    private void addBiasAndActivate(NativeMatrix z, int bias, boolean hidden) {
        Activation sigma = hidden ? activation : Activation.IDENTITY;
        if (bias < 0 && sigma == Activation.IDENTITY) {
            return;
        }
        if (z.buffer.isFloat() && parameters.isFloat()) {
            addBiasAndActivate(z.buffer.floats, z.offset, z.rows, z.cols, parameters.floats, bias, sigma);
            return;
        }
        NativeBuffer values = z.buffer;
        for (int r = 0; r < z.rows; r++) {
            int row = z.offset + r * z.cols;
            for (int j = 0; j < z.cols; j++) {
                double v = values.get(row + j) + (bias >= 0 ? parameters.get(bias + j) : 0);
                values.set(row + j, switch (sigma) {
                    case RELU -> Math.max(v, 0);
                    case TANH -> Math.tanh(v);
                    case IDENTITY -> v;
                });
            }
        }
    }

    /** The float32 form: each row through {@link #rowScratch}, the bias through {@link #biasScratch}. */
    private void addBiasAndActivate(FloatBuffer z, int offset, int rows, int cols, FloatBuffer parameters, int bias,
                                    Activation sigma) {
        float[] b = biasScratch;
        if (bias >= 0) {
            parameters.get(bias, b, 0, cols);
        } else {
            Arrays.fill(b, 0, cols, 0f);
        }
        float[] row = rowScratch;
        for (int r = 0; r < rows; r++) {
            int start = offset + r * cols;
            z.get(start, row, 0, cols);
            switch (sigma) {
                case RELU -> reluWithBias(row, b, cols);
                case TANH -> tanhWithBias(row, b, cols);
                case IDENTITY -> addBias(row, b, cols);
            }
            z.put(start, row, 0, cols);
        }
    }

    /** row ← max(row + b, 0); NaN stays NaN, as in PyTorch. */
    private static void reluWithBias(float[] row, float[] b, int cols) {
        for (int j = 0; j < cols; j++) {
            row[j] = Math.max(row[j] + b[j], 0f);
        }
    }

    private static void tanhWithBias(float[] row, float[] b, int cols) {
        for (int j = 0; j < cols; j++) {
            row[j] = (float) Math.tanh(row[j] + b[j]);
        }
    }

    private static void addBias(float[] row, float[] b, int cols) {
        for (int j = 0; j < cols; j++) {
            row[j] += b[j];
        }
    }

    /**
     * Δ ← Δ ∘ σ'(z) with σ' read off h = σ(z), and with bias that layer's bias gradient, Δ's column sums (in the
     * buffers' precision, as PyTorch sums), in the same pass.
     */
    private void backpropagate(NativeMatrix delta, NativeMatrix h, int bias) {
        if (activation == Activation.IDENTITY && bias < 0) {
            return;
        }
        int cols = delta.cols;
        if (delta.buffer.isFloat() && h.buffer.isFloat()) {
            float[] sums = floatColumnSums;
            Arrays.fill(sums, 0, cols, 0f);
            float[] row = rowScratch;
            float[] activations = activationScratch;
            for (int r = 0; r < delta.rows; r++) {
                int start = delta.offset + r * cols;
                delta.buffer.floats.get(start, row, 0, cols);
                h.buffer.floats.get(h.offset + r * cols, activations, 0, cols);
                switch (activation) {
                    case RELU -> reluBackward(row, activations, sums, cols);
                    case TANH -> tanhBackward(row, activations, sums, cols);
                    case IDENTITY -> addTo(sums, row, cols);
                }
                delta.buffer.floats.put(start, row, 0, cols);
            }
            if (bias >= 0) {
                for (int j = 0; j < cols; j++) {
                    gradients.set(bias + j, sums[j]);
                }
            }
            return;
        }
        Arrays.fill(columnSums, 0, cols, 0);
        for (int r = 0; r < delta.rows; r++) {
            for (int j = 0; j < cols; j++) {
                int i = r * cols + j;
                double a = h.buffer.get(h.offset + i);
                double v = delta.buffer.get(delta.offset + i) * switch (activation) {
                    case RELU -> a > 0 ? 1 : 0;
                    case TANH -> 1 - a * a;
                    case IDENTITY -> 1;
                };
                delta.buffer.set(delta.offset + i, v);
                columnSums[j] += v;
            }
        }
        if (bias >= 0) {
            for (int j = 0; j < cols; j++) {
                gradients.set(bias + j, columnSums[j]);
            }
        }
    }

    /**
     * Δ ← Δ · 1[h &gt; 0] and its column sums, without a branch: h = max(z, 0) ≥ 0, and (h·2¹⁰⁰)·2¹⁰⁰ ≥ 1 for every
     * positive float down to the least subnormal 2⁻¹⁴⁹, so min(that, 1) is exactly 1 where h &gt; 0 and 0 where
     * h = 0. The branch, taken at random for about half the units, costs 15–40× this loop, which C2 vectorises.
     */
    private static void reluBackward(float[] delta, float[] h, float[] sums, int cols) {
        for (int j = 0; j < cols; j++) {
            float v = Math.min(h[j] * 0x1p100f * 0x1p100f, 1f) * delta[j];
            delta[j] = v;
            sums[j] += v;
        }
    }

    /** Δ ← Δ · (1 − h²) for h = tanh(z), and its column sums. */
    private static void tanhBackward(float[] delta, float[] h, float[] sums, int cols) {
        for (int j = 0; j < cols; j++) {
            float v = delta[j] * (1 - h[j] * h[j]);
            delta[j] = v;
            sums[j] += v;
        }
    }

    private static void addTo(float[] sums, float[] row, int cols) {
        for (int j = 0; j < cols; j++) {
            sums[j] += row[j];
        }
    }

    /**
     * Δ_L = ∂/∂f of the mean loss, (2/(Bc))(f − y) (or (1/B)(softmax(f) − y) for cross-entropy), with bias its column
     * sums into the bias gradient; returns the mean loss (1/(Bc)) Σ (f − y)² (or (1/B) Σᵢ ℓᵢ).
     */
    private double lossAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta, int bias) {
        int cols = f.cols;
        Arrays.fill(columnSums, 0, cols, 0);
        double mean = loss == Loss.CROSS_ENTROPY ? crossEntropyAndDelta(f, y, delta) : squaredErrorAndDelta(f, y, delta);
        if (bias >= 0) {
            for (int j = 0; j < cols; j++) {
                gradients.set(bias + j, columnSums[j]);
            }
        }
        return mean;
    }

    /** (1/(Bc)) Σ (f − y)², Δ = (2/(Bc))(f − y), Δ's column sums added to {@link #columnSums}. */
    private double squaredErrorAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta) {
        int cols = f.cols;
        double scale = 2.0 / f.size();
        double sum = 0;
        for (int r = 0; r < f.rows; r++) {
            for (int j = 0; j < cols; j++) {
                int i = r * cols + j;
                double e = f.buffer.get(f.offset + i) - y.buffer.get(y.offset + i);
                sum += e * e;
                delta.buffer.set(delta.offset + i, scale * e);
                columnSums[j] += delta.buffer.get(delta.offset + i);
            }
        }
        return sum / f.size();
    }

    /**
     * (1/B) Σᵢ (log Σ_k e^{f_ik} − Σ_k y_ik f_ik), Δ = (1/B)(softmax(f) − y) (rows shifted by their maximum), Δ's
     * column sums added to {@link #columnSums}.
     */
    private double crossEntropyAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta) {
        int cols = f.cols;
        double sum = 0;
        for (int r = 0; r < f.rows; r++) {
            int row = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, f.buffer.get(f.offset + row + j));
            }
            double exps = 0;
            for (int j = 0; j < cols; j++) {
                exps += Math.exp(f.buffer.get(f.offset + row + j) - max);
            }
            double logSum = max + Math.log(exps);
            for (int j = 0; j < cols; j++) {
                double fj = f.buffer.get(f.offset + row + j);
                double yj = y.buffer.get(y.offset + row + j);
                sum += yj * (logSum - fj);
                double d = (Math.exp(fj - logSum) - yj) / f.rows;
                delta.buffer.set(delta.offset + row + j, d);
                columnSums[j] += delta.buffer.get(delta.offset + row + j);
            }
        }
        return sum / f.rows;
    }
}
