package org.factlab.nn.imported;

import java.util.ArrayList;
import java.util.List;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpWeights;

/**
 * A fully connected network read from a file: its weights in the paper's orientation (float64), the hidden activation
 * σ when the file says it (null for safetensors, which holds tensors only), whether the file puts a softmax after
 * the last layer (then the outputs f are the logits before it), and the layers' names in the file.
 */
public record ImportedNetwork(MlpWeights weights, Activation activation, boolean softmaxOutput,
                              List<String> layerNames) {

    public ImportedNetwork {
        layerNames = List.copyOf(layerNames);
        if (layerNames.size() != weights.depth()) {
            throw new IllegalArgumentException("one name per layer");
        }
    }

    /** Inputs, outputs and whether it has a bias, of every layer in order. */
    public List<LayerShape> layers() {
        List<LayerShape> out = new ArrayList<>();
        for (int l = 0; l < weights.depth(); l++) {
            out.add(new LayerShape((int) weights.weight(l).columns(), (int) weights.weight(l).rows(),
                    weights.bias(l) != null));
        }
        return out;
    }

    /** One dense layer u = W h (+ b) with W {@code out}×{@code in}. */
    public record LayerShape(int in, int out, boolean bias) {
    }
}
