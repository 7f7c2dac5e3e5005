package org.factlab.nn.cnn;

import java.util.function.IntUnaryOperator;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.NativeBuffer;
import org.factlab.nn.mlp.NativeMatrix;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The forward and backward pass of a {@link CnnArchitecture} as BLAS GEMMs over unfolded patches (im2col) and Java
 * loops over buffers allocated once, for minibatches of up to {@code maxExamples} images, in the parameters' data
 * type (float32 to train, float64 to probe).
 *
 * <p>Layouts, row-major, B examples: a convolution's input and output are channels × (B·H·W) (a channel per row,
 * columns ordered example, y, x); its patch matrix X is cq² × (B·P) with P output positions, row (channel, dy, dx)
 * and column (example, oy, ox), so that the convolution is U = W X (k × B·P), ∇_W L = Δ Xᵀ and the gradient at the
 * patches is Wᵀ Δ, summed back onto the pixels (col2im). Dense layers are feature-major (units × B) as in the lean
 * MLP trainer. σ is applied in place and σ' read off h = σ(u) (ReLU: 1 where h &gt; 0); max-pooling keeps the index
 * of each window's first maximum (its forward mask) and routes the gradient there.
 */
public final class CnnNetwork {

    private final CnnArchitecture arch;
    private final Activation activation;
    private final NativeBuffer parameters;
    private final int convs;
    private final int depth;
    private final NativeBuffer input;
    private final NativeBuffer targets;
    /** Each layer's input: a convolution's patch matrix, a dense layer's h (the previous layer's output). */
    private final NativeBuffer[] layerInputs;

    private final NativeBuffer[] activations;
    private final NativeBuffer[] deltas;
    private final NativeBuffer[] pooled;
    private final int[][] poolMasks;
    private final NativeBuffer[] pooledGradients;
    private final NativeBuffer[] patchGradients;
    private final NativeBuffer flatGradient;

    /** Buffers for up to {@code maxExamples} images; {@code parameters} (the flat θ) is read at every pass. */
    public CnnNetwork(CnnArchitecture arch, NativeBuffer parameters, int maxExamples) {
        if (parameters.length() != arch.parameterCount()) {
            throw new IllegalArgumentException(
                    "θ has " + parameters.length() + " entries, the architecture " + arch.parameterCount());
        }
        this.arch = arch;
        this.activation = arch.activation();
        this.parameters = parameters;
        this.convs = arch.convolutionCount();
        this.depth = arch.depth();
        DataType type = parameters.isFloat() ? DataType.FLOAT : DataType.DOUBLE;
        long b = maxExamples;
        input = NativeBuffer.allocate(type, b * arch.inputDim());
        targets = NativeBuffer.allocate(type, b * arch.outputs());
        layerInputs = new NativeBuffer[depth];
        activations = new NativeBuffer[depth];
        deltas = new NativeBuffer[depth];
        pooled = new NativeBuffer[convs];
        poolMasks = new int[convs][];
        pooledGradients = new NativeBuffer[convs];
        patchGradients = new NativeBuffer[convs];
        for (int l = 0; l < convs; l++) {
            int[] out = arch.shape(l + 1);
            int[] convolved = arch.convolvedShape(l);
            long positions = (long) convolved[0] * convolved[1];
            layerInputs[l] = NativeBuffer.allocate(type, b * positions * arch.cols(l));
            activations[l] = NativeBuffer.allocate(type, b * positions * arch.rows(l));
            deltas[l] = NativeBuffer.allocate(type, b * positions * arch.rows(l));
            if (arch.convolutions().get(l).pool()) {
                long size = b * out[0] * out[1] * out[2];
                pooled[l] = NativeBuffer.allocate(type, size);
                poolMasks[l] = new int[Math.toIntExact(size)];
                pooledGradients[l] = NativeBuffer.allocate(type, size);
            }
            if (l > 0) {
                patchGradients[l] = NativeBuffer.allocate(type, b * positions * arch.cols(l));
            }
        }
        layerInputs[convs] = NativeBuffer.allocate(type, b * arch.flatDim());
        for (int l = convs; l < depth; l++) {
            if (l > convs) {
                layerInputs[l] = activations[l - 1];
            }
            activations[l] = NativeBuffer.allocate(type, b * arch.rows(l));
            deltas[l] = NativeBuffer.allocate(type, b * arch.rows(l));
        }
        flatGradient = NativeBuffer.allocate(type, b * arch.flatDim());
    }

    public CnnArchitecture architecture() {
        return arch;
    }

    public NativeBuffer parameters() {
        return parameters;
    }

    /**
     * Where a backward pass writes ∇θ: {@code into ← β·into + ∇θ} over the flat parameter layout, with the BLAS views
     * of every W made once (β = 0: the gradient; β = 1: a running sum; β = μ: heavy ball's b ← μb + ∇θ).
     */
    public record Accumulator(NativeBuffer into, NativeMatrix[] weights, double beta) {}

    public Accumulator accumulator(NativeBuffer into, double beta) {
        NativeMatrix[] views = new NativeMatrix[depth];
        for (int l = 0; l < depth; l++) {
            views[l] = new NativeMatrix(into, arch.weightOffset(l), arch.rows(l), arch.cols(l));
        }
        return new Accumulator(into, views, beta);
    }

    /** Views of the buffers for minibatches of exactly {@code examples} images (made once per batch size). */
    public Pass pass(int examples) {
        return new Pass(examples);
    }

    /** One batch size's views: load, forward, seed the output gradient, backward. */
    public final class Pass {
        private final int examples;
        private final NativeMatrix[] weights = new NativeMatrix[depth];
        private final NativeMatrix[] inputs = new NativeMatrix[depth];
        private final NativeMatrix[] outputs = new NativeMatrix[depth];
        private final NativeMatrix[] outputDeltas = new NativeMatrix[depth];
        private final NativeMatrix[] patchGradientViews = new NativeMatrix[convs];
        private final NativeMatrix flatGradientView;
        private final NativeMatrix targetView;

        private Pass(int examples) {
            this.examples = examples;
            for (int l = 0; l < depth; l++) {
                weights[l] = new NativeMatrix(parameters, arch.weightOffset(l), arch.rows(l), arch.cols(l));
                int columns = l < convs ? examples * positions(l) : examples;
                inputs[l] = new NativeMatrix(layerInputs[l], 0, arch.cols(l), columns);
                outputs[l] = new NativeMatrix(activations[l], 0, arch.rows(l), columns);
                outputDeltas[l] = new NativeMatrix(deltas[l], 0, arch.rows(l), columns);
                if (l < convs && l > 0) {
                    patchGradientViews[l] = new NativeMatrix(patchGradients[l], 0, arch.cols(l), columns);
                }
            }
            flatGradientView = new NativeMatrix(flatGradient, 0, arch.flatDim(), examples);
            targetView = new NativeMatrix(targets, 0, arch.outputs(), examples);
        }

        public int examples() {
            return examples;
        }

        /**
         * Copies the images and targets of rows {@code row(0)}, …, {@code row(B − 1)} of {@code images} (n × CHW, each
         * row in (C, H, W) order) and {@code labels} (n × c) into the input and target buffers.
         */
        public void load(NativeBuffer images, NativeBuffer labels, IntUnaryOperator row) {
            int d = arch.inputDim();
            int c = arch.outputs();
            int pixels = arch.height() * arch.width();
            for (int j = 0; j < examples; j++) {
                int r = row.applyAsInt(j);
                for (int ch = 0; ch < arch.channels(); ch++) {
                    int from = r * d + ch * pixels;
                    int to = ch * examples * pixels + j * pixels;
                    for (int p = 0; p < pixels; p++) {
                        input.set(to + p, images.get(from + p));
                    }
                }
                for (int k = 0; k < c; k++) {
                    targets.set(k * examples + j, labels.get(r * c + k));
                }
            }
        }

        /** The targets of the loaded examples, c × B. */
        public NativeMatrix targets() {
            return targetView;
        }

        /** The network's outputs f, c × B, after {@link #forward}. */
        public NativeMatrix output() {
            return outputs[depth - 1];
        }

        /** ∂(objective)/∂f, c × B: the caller writes the seed of {@link #backward} here. */
        public NativeMatrix outputGradient() {
            return outputDeltas[depth - 1];
        }

        /** Layer l's input: the patch matrix X (cq² × B·P) of a convolution, h (in × B) of a dense layer. */
        public NativeMatrix layerInput(int l) {
            return inputs[l];
        }

        /** Layer l's δ = ∂/∂u at its output u = W·(input) + b, after {@link #backward}: k × B·P or out × B. */
        public NativeMatrix layerDelta(int l) {
            return outputDeltas[l];
        }

        public void forward() {
            for (int l = 0; l < convs; l++) {
                unfold(l);
                outputs[l].gemm(weights[l], false, inputs[l], false, 1, 0);
                addBiasAndActivate(outputs[l], arch.biasOffset(l), true);
                if (pooled[l] != null) {
                    pool(l);
                }
            }
            flatten();
            for (int l = convs; l < depth; l++) {
                outputs[l].gemm(weights[l], false, inputs[l], false, 1, 0);
                addBiasAndActivate(outputs[l], arch.biasOffset(l), l < depth - 1);
            }
        }

        /**
         * Back-propagates the seed in {@link #outputGradient} through every layer, leaving each layer's δ; with a
         * target (may be null) adds ∇θ of the seeded objective to it.
         */
        public void backward(Accumulator target) {
            for (int l = depth - 1; l >= convs; l--) {
                accumulate(target, l);
                if (l > convs) {
                    outputDeltas[l - 1].gemm(weights[l], true, outputDeltas[l], false, 1, 0);
                    multiplyDerivative(outputDeltas[l - 1], outputs[l - 1]);
                }
            }
            flatGradientView.gemm(weights[convs], true, outputDeltas[convs], false, 1, 0);
            unflatten();
            for (int l = convs - 1; l >= 0; l--) {
                if (pooled[l] != null) {
                    unpool(l);
                }
                multiplyDerivative(outputDeltas[l], outputs[l]);
                accumulate(target, l);
                if (l > 0) {
                    patchGradientViews[l].gemm(weights[l], true, outputDeltas[l], false, 1, 0);
                    fold(l);
                }
            }
        }

        private int positions(int l) {
            int[] s = arch.convolvedShape(l);
            return s[0] * s[1];
        }

        /** ∇W ← β∇W + Δ·(input)ᵀ and ∇b ← β∇b + Δ's row sums of layer l. */
        private void accumulate(Accumulator target, int l) {
            if (target == null) {
                return;
            }
            NativeMatrix delta = outputDeltas[l];
            target.weights()[l].gemm(delta, false, inputs[l], true, 1, target.beta());
            int bias = arch.biasOffset(l);
            for (int j = 0; j < delta.rows; j++) {
                double sum = 0;
                for (int k = 0; k < delta.cols; k++) {
                    sum += delta.buffer.get(delta.offset + j * delta.cols + k);
                }
                double previous =
                        target.beta() == 0 ? 0 : target.beta() * target.into().get(bias + j);
                target.into().set(bias + j, previous + sum);
            }
        }

        /** The source of convolution l's input: the images, or the previous convolution's (pooled) output. */
        private NativeBuffer convolutionInput(int l) {
            if (l == 0) {
                return input;
            }
            return pooled[l - 1] != null ? pooled[l - 1] : activations[l - 1];
        }

        /** Where the gradient at convolution l's output (after pooling) goes. */
        private NativeBuffer outputGradientOf(int l) {
            return pooled[l] != null ? pooledGradients[l] : deltas[l];
        }

        /** im2col: X[(c, dy, dx), (b, oy, ox)] = in[c, b, oy·s + dy − p, ox·s + dx − p], 0 outside the image. */
        private void unfold(int l) {
            NativeBuffer in = convolutionInput(l);
            NativeBuffer x = layerInputs[l];
            forEachPatchEntry(l, (entry, pixel) -> x.set(entry, pixel < 0 ? 0 : in.get(pixel)));
        }

        /**
         * col2im: the gradient at convolution l's input pixels (the previous convolution's output), Σ over the patch
         * entries that read each pixel.
         */
        private void fold(int l) {
            NativeBuffer g = outputGradientOf(l - 1);
            int size = examples * arch.shape(l)[0] * arch.shape(l)[1] * arch.shape(l)[2];
            for (int i = 0; i < size; i++) {
                g.set(i, 0);
            }
            NativeBuffer patchGradient = patchGradients[l];
            forEachPatchEntry(l, (entry, pixel) -> {
                if (pixel >= 0) {
                    g.set(pixel, g.get(pixel) + patchGradient.get(entry));
                }
            });
        }

        /** Visits every entry of convolution l's patch matrix with the input pixel it reads (−1 in the padding). */
        private void forEachPatchEntry(int l, PatchVisitor visitor) {
            ConvLayer conv = arch.convolutions().get(l);
            int[] in = arch.shape(l);
            int[] out = arch.convolvedShape(l);
            int q = conv.kernel();
            int s = conv.stride();
            int pad = conv.padding();
            int columns = examples * out[0] * out[1];
            int inPixels = in[1] * in[2];
            int entry = 0;
            for (int c = 0; c < in[0]; c++) {
                for (int dy = 0; dy < q; dy++) {
                    for (int dx = 0; dx < q; dx++) {
                        for (int b = 0; b < examples; b++) {
                            int image = (c * examples + b) * inPixels;
                            for (int oy = 0; oy < out[0]; oy++) {
                                int iy = oy * s + dy - pad;
                                boolean rowInside = iy >= 0 && iy < in[1];
                                for (int ox = 0; ox < out[1]; ox++) {
                                    int ix = ox * s + dx - pad;
                                    boolean inside = rowInside && ix >= 0 && ix < in[2];
                                    visitor.visit(entry++, inside ? image + iy * in[2] + ix : -1);
                                }
                            }
                        }
                    }
                }
            }
            if (entry != columns * arch.cols(l)) {
                throw new IllegalStateException("patch matrix walk out of step");
            }
        }

        /** 2×2 max-pooling of stride 2 of convolution l's activations, remembering each window's first maximum. */
        private void pool(int l) {
            int[] out = arch.shape(l + 1);
            int[] conv = arch.convolvedShape(l);
            NativeBuffer h = activations[l];
            NativeBuffer p = pooled[l];
            int[] mask = poolMasks[l];
            int i = 0;
            for (int plane = 0; plane < out[0] * examples; plane++) {
                int base = plane * conv[0] * conv[1];
                for (int py = 0; py < out[1]; py++) {
                    for (int px = 0; px < out[2]; px++) {
                        int best = base + 2 * py * conv[1] + 2 * px;
                        for (int dy = 0; dy < 2; dy++) {
                            for (int dx = 0; dx < 2; dx++) {
                                int at = base + (2 * py + dy) * conv[1] + 2 * px + dx;
                                if (h.get(at) > h.get(best)) {
                                    best = at;
                                }
                            }
                        }
                        mask[i] = best;
                        p.set(i++, h.get(best));
                    }
                }
            }
        }

        /** Routes the gradient at the pooled output to each window's maximum; the rest of the window gets 0. */
        private void unpool(int l) {
            NativeBuffer delta = deltas[l];
            for (int i = 0; i < outputDeltas[l].size(); i++) {
                delta.set(i, 0);
            }
            NativeBuffer g = pooledGradients[l];
            int[] mask = poolMasks[l];
            int size = examples * arch.shape(l + 1)[0] * arch.shape(l + 1)[1] * arch.shape(l + 1)[2];
            for (int i = 0; i < size; i++) {
                delta.set(mask[i], g.get(i));
            }
        }

        /** h[(c·H·W + pixel), b] = out[c, b, pixel]: the last convolution's output in PyTorch's flatten order. */
        private void flatten() {
            int[] s = arch.shape(convs);
            int pixels = s[1] * s[2];
            NativeBuffer out = convolutionInput(convs);
            NativeBuffer h = layerInputs[convs];
            for (int c = 0; c < s[0]; c++) {
                for (int b = 0; b < examples; b++) {
                    for (int p = 0; p < pixels; p++) {
                        h.set((c * pixels + p) * examples + b, out.get((c * examples + b) * pixels + p));
                    }
                }
            }
        }

        /** The inverse of {@link #flatten} for the gradient at the flattened output. */
        private void unflatten() {
            int[] s = arch.shape(convs);
            int pixels = s[1] * s[2];
            NativeBuffer into = outputGradientOf(convs - 1);
            for (int c = 0; c < s[0]; c++) {
                for (int b = 0; b < examples; b++) {
                    for (int p = 0; p < pixels; p++) {
                        into.set((c * examples + b) * pixels + p, flatGradient.get((c * pixels + p) * examples + b));
                    }
                }
            }
        }
    }

    /** Receives a patch-matrix entry's index and the index of the input pixel it reads, −1 in the padding. */
    @FunctionalInterface
    private interface PatchVisitor {
        void visit(int entry, int pixel);
    }

    /** u ← u + b (b_j along row j), then h = σ(u) in place unless it is the output layer. */
    private void addBiasAndActivate(NativeMatrix u, int bias, boolean activate) {
        for (int j = 0; j < u.rows; j++) {
            double b = parameters.get(bias + j);
            int start = u.offset + j * u.cols;
            for (int k = start; k < start + u.cols; k++) {
                double v = u.buffer.get(k) + b;
                u.buffer.set(k, activate ? sigma(v) : v);
            }
        }
    }

    private double sigma(double v) {
        return switch (activation) {
            case RELU -> Math.max(v, 0);
            case TANH -> Math.tanh(v);
            case IDENTITY -> v;
        };
    }

    /** Δ ← Δ ∘ σ'(u), σ' read off h = σ(u): ReLU 1[h &gt; 0], tanh 1 − h², identity 1. */
    private void multiplyDerivative(NativeMatrix delta, NativeMatrix h) {
        if (activation == Activation.IDENTITY) {
            return;
        }
        for (int i = 0; i < delta.size(); i++) {
            double a = h.buffer.get(h.offset + i);
            double derivative = activation == Activation.RELU ? (a > 0 ? 1 : 0) : 1 - a * a;
            delta.buffer.set(delta.offset + i, delta.buffer.get(delta.offset + i) * derivative);
        }
    }
}
