package org.factlab.nn.mlp;

import java.util.ArrayList;
import java.util.List;
import org.factlab.math.Products;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One float64 forward pass of a chunk of B samples through an MLP, keeping what the backward passes need:
 * every layer's input H_l (B×in, H_1 = X) and pre-activation Z_l = H_l Wᵀ + b (B×out); f = Z_L.
 */
final class ForwardPass {

    private final MlpWeights weights;
    private final List<INDArray> inputs = new ArrayList<>();
    private final List<INDArray> preActivations = new ArrayList<>();
    private final List<INDArray> derivatives = new ArrayList<>();

    ForwardPass(MlpWeights weights, Activation activation, INDArray x) {
        this.weights = weights;
        INDArray h = x;
        for (int l = 0; l < weights.depth(); l++) {
            inputs.add(h);
            INDArray z = Products.timesTranspose(h, weights.weight(l));
            if (weights.bias(l) != null) {
                z.addiRowVector(weights.bias(l));
            }
            preActivations.add(z);
            if (l + 1 < weights.depth()) {
                derivatives.add(activation.derivative(z));
                h = activation.apply(z);
            }
        }
    }

    /** H_l, the input of layer l (0-based). */
    INDArray input(int l) {
        return inputs.get(l);
    }

    /** The model output f (B×c): the last layer has no activation. */
    INDArray output() {
        return preActivations.get(preActivations.size() - 1);
    }

    /**
     * Back-propagates Δ_L = ∂s/∂f (B×c) of some per-sample scalar s to every layer: Δ_l = ∂s/∂u_l (B×out_l)
     * by Δ_{l} = (Δ_{l+1} W_{l+1}) ∘ σ'(Z_l). With s = ℓᵢ these are the δᵢ; with s = f_k the rows of ∂f_k/∂u.
     */
    List<INDArray> backward(INDArray outputDelta) {
        int depth = weights.depth();
        INDArray[] deltas = new INDArray[depth];
        deltas[depth - 1] = outputDelta;
        for (int l = depth - 2; l >= 0; l--) {
            deltas[l] = Products.times(deltas[l + 1], weights.weight(l + 1)).muli(derivatives.get(l));
        }
        return List.of(deltas);
    }

    /** ∂s/∂h_l = Δ_l W_l (B×in): the gᵢ of Theorem 3.1 when Δ_l holds the δᵢ. */
    INDArray inputGradient(int l, INDArray delta) {
        return Products.times(delta, weights.weight(l));
    }
}
