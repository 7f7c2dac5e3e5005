package org.factlab.nn.mlp;

import org.factlab.choice.Choice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hidden-layer activation σ of the MLP; identity with no bias gives the deep linear networks of Appendix C. */
public enum Activation implements Choice {
    RELU(org.nd4j.linalg.activations.Activation.RELU),
    TANH(org.nd4j.linalg.activations.Activation.TANH),
    IDENTITY(org.nd4j.linalg.activations.Activation.IDENTITY);

    private final org.nd4j.linalg.activations.Activation dl4j;

    Activation(org.nd4j.linalg.activations.Activation dl4j) {
        this.dl4j = dl4j;
    }

    org.nd4j.linalg.activations.Activation dl4j() {
        return dl4j;
    }

    /** σ(z), a new array. */
    INDArray apply(INDArray z) {
        return switch (this) {
            case RELU -> Transforms.relu(z, true);
            case TANH -> Transforms.tanh(z, true);
            case IDENTITY -> z.dup();
        };
    }

    /** σ'(z), a new array (ReLU: 1 where z &gt; 0, else 0, as in PyTorch and DL4J). */
    INDArray derivative(INDArray z) {
        return switch (this) {
            case RELU -> Transforms.step(z);
            case TANH -> {
                INDArray t = Transforms.tanh(z, true);
                yield t.muli(t).rsubi(1.0);
            }
            case IDENTITY -> z.ulike().assign(1.0);
        };
    }
}
