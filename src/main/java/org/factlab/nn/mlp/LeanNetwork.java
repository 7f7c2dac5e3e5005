package org.factlab.nn.mlp;

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
    private final int depth;
    private final NativeBuffer parameters;
    private final NativeBuffer gradients;
    private final NativeMatrix[] weights;
    private final NativeMatrix[] weightGradients;
    /** Offset of layer l's bias in the flat buffers, −1 without bias. */
    private final int[] biasOffsets;
    private final NativeBuffer[] outputBuffers;
    private final NativeBuffer[] deltaBuffers;
    /** Column sums of a delta, accumulated in float64. */
    private final double[] columnSums;

    /** Buffers for minibatches of up to {@code maxRows} rows; the parameters start as the network's. */
    LeanNetwork(MlpArchitecture architecture, MultiLayerNetwork net, DataType type, int maxRows) {
        this.activation = architecture.activation();
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
         * Writes ∇θ of the minibatch's mean loss (1/B) Σᵢ (1/c)‖f(xᵢ) − yᵢ‖² into the gradient buffer and returns
         * that mean loss at the current parameters.
         */
        double gradient(NativeMatrix x, NativeMatrix y) {
            for (int l = 0; l < depth; l++) {
                outputs[l].gemm(l == 0 ? x : outputs[l - 1], false, weights[l], true, 1, 0);
                addBiasAndActivate(outputs[l], biasOffsets[l], l < depth - 1);
            }
            double loss = lossAndDelta(outputs[depth - 1], y, deltas[depth - 1]);
            for (int l = depth - 1; l >= 0; l--) {
                weightGradients[l].gemm(deltas[l], true, l == 0 ? x : outputs[l - 1], false, 1, 0);
                if (biasOffsets[l] >= 0) {
                    columnSums(deltas[l], biasOffsets[l]);
                }
                if (l > 0) {
                    deltas[l - 1].gemm(deltas[l], false, weights[l], false, 1, 0);
                    multiplyByDerivative(deltas[l - 1], outputs[l - 1]);
                }
            }
            return loss;
        }
    }

    private void addBiasAndActivate(NativeMatrix z, int bias, boolean hidden) {
        boolean activate = hidden && activation != Activation.IDENTITY;
        if (bias < 0 && !activate) {
            return;
        }
        NativeBuffer values = z.buffer;
        for (int r = 0; r < z.rows; r++) {
            int row = z.offset + r * z.cols;
            for (int j = 0; j < z.cols; j++) {
                double v = values.get(row + j);
                if (bias >= 0) {
                    v += parameters.get(bias + j);
                }
                values.set(row + j, activate ? sigma(v) : v);
            }
        }
    }

    private double sigma(double z) {
        return switch (activation) {
            case RELU -> z > 0 ? z : 0;
            case TANH -> Math.tanh(z);
            case IDENTITY -> z;
        };
    }

    /** Δ ← Δ ∘ σ'(z), σ' read off h = σ(z). */
    private void multiplyByDerivative(NativeMatrix delta, NativeMatrix h) {
        if (activation == Activation.IDENTITY) {
            return;
        }
        NativeBuffer d = delta.buffer;
        NativeBuffer hv = h.buffer;
        int size = delta.size();
        for (int i = 0; i < size; i++) {
            double a = hv.get(h.offset + i);
            double derivative = activation == Activation.RELU ? (a > 0 ? 1 : 0) : 1 - a * a;
            d.set(delta.offset + i, d.get(delta.offset + i) * derivative);
        }
    }

    /** Δ_L = ∂/∂f of the mean loss, (2/(Bc))(f − y); returns the mean loss (1/(Bc)) Σ (f − y)². */
    private static double lossAndDelta(NativeMatrix f, NativeMatrix y, NativeMatrix delta) {
        int size = f.size();
        double scale = 2.0 / size;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double e = f.buffer.get(f.offset + i) - y.buffer.get(y.offset + i);
            sum += e * e;
            delta.buffer.set(delta.offset + i, scale * e);
        }
        return sum / size;
    }

    /** The bias gradient: Δ's column sums, into the gradient buffer at {@code bias}. */
    private void columnSums(NativeMatrix delta, int bias) {
        int cols = delta.cols;
        java.util.Arrays.fill(columnSums, 0, cols, 0);
        for (int r = 0; r < delta.rows; r++) {
            int row = delta.offset + r * cols;
            for (int j = 0; j < cols; j++) {
                columnSums[j] += delta.buffer.get(row + j);
            }
        }
        for (int j = 0; j < cols; j++) {
            gradients.set(bias + j, columnSums[j]);
        }
    }
}
