package org.factlab.nn.mlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Float64 copy of an MLP's parameters in the paper's orientation: layer l computes z = W h + b with W
 * out×in (DL4J stores Wᵀ, {@code [nIn, nOut]}); biases are 1×out rows, or null for a bias-free layer.
 */
public record MlpWeights(List<INDArray> weights, List<INDArray> biases) {

    public MlpWeights {
        if (weights.isEmpty() || weights.size() != biases.size()) {
            throw new IllegalArgumentException("need one bias entry (or null) per weight matrix");
        }
        weights = List.copyOf(weights);
        biases = Collections.unmodifiableList(new ArrayList<>(biases));
    }

    /** The current parameters of a DL4J network (any data type), copied to float64. */
    public static MlpWeights of(MultiLayerNetwork net) {
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            w.add(layer.getParam("W").transpose().castTo(DataType.DOUBLE).dup('c'));
            INDArray bias = layer.paramTable().get("b");
            b.add(
                    bias == null
                            ? null
                            : bias.castTo(DataType.DOUBLE)
                                    .reshape(1, bias.length())
                                    .dup('c'));
        }
        return new MlpWeights(w, b);
    }

    public int depth() {
        return weights.size();
    }

    /** W of layer {@code l} (0-based), out×in. */
    public INDArray weight(int l) {
        return weights.get(l);
    }

    /** b of layer {@code l} as a 1×out row, or null. */
    public INDArray bias(int l) {
        return biases.get(l);
    }
}
