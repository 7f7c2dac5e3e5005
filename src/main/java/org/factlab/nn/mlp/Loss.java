package org.factlab.nn.mlp;

import org.factlab.choice.Choice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The per-sample loss ℓᵢ of an MLP's objective L = (1/n) Σᵢ ℓᵢ, of the outputs f (logits, c columns) and one-hot (or
 * real-valued) targets y (docs/science.md, "Objective and losses").
 */
public enum Loss implements Choice {
    /** ℓᵢ = (1/c)‖f − y‖², PyTorch's {@code nn.MSELoss} (mean over outputs), Appendix B; ∂ℓᵢ/∂f = (2/c)(f − y). */
    MSE,
    /**
     * ℓᵢ = log Σ_k e^{f_k} − Σ_k y_k f_k, PyTorch's {@code nn.CrossEntropyLoss} on logits (softmax inside the loss)
     * with one-hot targets; ∂ℓᵢ/∂f = softmax(f) − y.
     */
    CROSS_ENTROPY;

    /** ∂ℓᵢ/∂f for every row of f (B×c), a new array. */
    public INDArray delta(INDArray f, INDArray y) {
        return switch (this) {
            case MSE -> f.sub(y).muli(2.0 / f.columns());
            case CROSS_ENTROPY -> softmax(f).subi(y);
        };
    }

    /** Σᵢ ℓᵢ over the rows of f. */
    public double sum(INDArray f, INDArray y) {
        return switch (this) {
            case MSE -> {
                INDArray r = f.sub(y);
                yield r.mul(r).sumNumber().doubleValue() / f.columns();
            }
            case CROSS_ENTROPY ->
                logSumExp(f).sumNumber().doubleValue() - f.mul(y).sumNumber().doubleValue();
        };
    }

    /** Row-wise softmax, shifted by each row's maximum. */
    static INDArray softmax(INDArray f) {
        INDArray e = Transforms.exp(f.subColumnVector(f.max(1).reshape(f.rows(), 1)), false);
        return e.diviColumnVector(e.sum(1).reshape(f.rows(), 1));
    }

    /** log Σ_k e^{f_k} of every row (B×1). */
    private static INDArray logSumExp(INDArray f) {
        INDArray max = f.max(1).reshape(f.rows(), 1);
        INDArray sums = Transforms.exp(f.subColumnVector(max), false).sum(1).reshape(f.rows(), 1);
        return Transforms.log(sums, false).addi(max);
    }
}
