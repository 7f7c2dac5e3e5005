package org.factlab.nn.imported;

import java.util.ArrayList;
import java.util.List;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpWeights;

/**
 * A network read from a file: its weights in the paper's orientation (float64), the hidden activation σ when the
 * file says it (null for safetensors, which holds tensors only), whether the file puts a softmax after the last layer
 * (then the outputs f are the logits before it), the layers' names in the file, and the shapes of its leading
 * convolutions (empty for a chain of dense layers). A convolution's W is k×cq², filter j's row holding its
 * [channel][dy][dx] entries (PyTorch's {@code weight[j].flatten()}); the first dense layer after them reads their
 * output flattened in (C, H, W) order.
 */
public record ImportedNetwork(
        MlpWeights weights,
        Activation activation,
        boolean softmaxOutput,
        List<String> layerNames,
        List<ConvShape> convolutions) {

    public ImportedNetwork {
        layerNames = List.copyOf(layerNames);
        convolutions = List.copyOf(convolutions);
        if (layerNames.size() != weights.depth()) {
            throw new IllegalArgumentException("one name per layer");
        }
        if (convolutions.size() >= weights.depth()) {
            throw new IllegalArgumentException("convolutions must be followed by at least one dense layer");
        }
    }

    /** A chain of dense layers. */
    public ImportedNetwork(MlpWeights weights, Activation activation, boolean softmaxOutput, List<String> layerNames) {
        this(weights, activation, softmaxOutput, layerNames, List.of());
    }

    /** Inputs, outputs and whether it has a bias, of every layer in order (a convolution's inputs: its cq²). */
    public List<LayerShape> layers() {
        List<LayerShape> out = new ArrayList<>();
        for (int l = 0; l < weights.depth(); l++) {
            out.add(new LayerShape(
                    (int) weights.weight(l).columns(), (int) weights.weight(l).rows(), weights.bias(l) != null));
        }
        return out;
    }

    /** One dense layer u = W h (+ b) with W {@code out}×{@code in}, or a convolution with W out×cq². */
    public record LayerShape(int in, int out, boolean bias) {}

    /**
     * A convolution ({@code Conv2d(channels, filters, kernel)}): q×q windows over {@code channels} channels; its
     * stride, zero padding on every side and max-pooling window after it (2, or 0 for none) when the file says them
     * (Keras, Deeplearning4j), null when it does not (safetensors).
     */
    public record ConvShape(int channels, int filters, int kernel, Integer stride, Integer padding, Integer pool) {

        /** A convolution whose file does not say its stride, padding or pooling. */
        public ConvShape(int channels, int filters, int kernel) {
            this(channels, filters, kernel, null, null, null);
        }
    }
}
