package org.factlab.nn.mlp;

/**
 * A fully connected network of {@code depth} weight layers: d → width → … → width → c, σ after every hidden
 * layer, none after the last (depth 1 is a linear model).
 */
public record MlpArchitecture(int inputDim, int width, int depth, int outputDim, Activation activation, boolean bias) {

    public MlpArchitecture {
        if (inputDim < 1 || width < 1 || depth < 1 || outputDim < 1) {
            throw new IllegalArgumentException("dimensions and depth must be ≥ 1");
        }
    }

    /** Input dimension of layer l (0-based). */
    public int layerInputs(int l) {
        return l == 0 ? inputDim : width;
    }

    /** Output dimension of layer l (0-based). */
    public int layerOutputs(int l) {
        return l == depth - 1 ? outputDim : width;
    }

    /** Number of parameters (weights and, with bias, biases). */
    public long parameterCount() {
        long count = 0;
        for (int l = 0; l < depth; l++) {
            count += (long) layerInputs(l) * layerOutputs(l) + (bias ? layerOutputs(l) : 0);
        }
        return count;
    }
}
