package org.factlab.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The feature matrices of one fitted RFM iteration (d×d float64): AGOP = (1/n) Σᵢ ∇f(xᵢ)∇f(xᵢ)ᵀ (centred
 * per output when the options say so) and, for FACT-driven runs, F of Lemma F.1; with M_t they give the
 * heatmaps and fixed-point measurements. With diagonal M only their diagonals exist ({@link FeatureShape}), and
 * the heatmaps are the diagonal matrices of the entry-wise roots. Matrix accessors return {@code double[][]}
 * copies, null where the matrix was not computed.
 */
public final class Features {

    private final INDArray agop;
    private final INDArray fact;
    private final INDArray m;
    private final FeatureShape shape;

    /**
     * @param agop kept, not copied; not modified (1×d when {@code shape} is diagonal)
     * @param fact kept, not copied; not modified (1×d when {@code shape} is diagonal)
     * @param m kept, not copied; not modified
     */
    Features(INDArray agop, INDArray fact, INDArray m, FeatureShape shape) {
        this.agop = agop;
        this.fact = fact;
        this.m = m;
        this.shape = shape;
    }

    INDArray agopArray() {
        return agop;
    }

    INDArray factArray() {
        return fact;
    }

    /** √AGOP, the NFA feature matrix of Figures 5 and 6. */
    public double[][] sqrtAgop() {
        return agop == null ? null : Rows.of(shape.matrix(shape.power(agop, 0.5)));
    }

    /**
     * √(FACT·Mᵀ) of Figures 5 and 6, symmetrised: ((F M)(F M)ᵀ)^{1/4} (= √(F M) when F M is PSD, as it is for
     * inner-product kernels with non-increasing k, §5); for diagonal M, |diag(F)ₖ Mₖₖ|^{1/2}.
     */
    public double[][] sqrtFactMt() {
        return fact == null ? null : Rows.of(shape.matrix(shape.polarPower(shape.times(fact, m), 0.5)));
    }

    /** ‖F‖_F (of Diag(F) for diagonal M). */
    public double factNorm() {
        return fact.norm2Number().doubleValue();
    }

    /** cos(F, M) = ⟨F, M⟩ / (‖F‖_F ‖M‖_F): 1 at a fixed point of the FACT updates (F ∝ M). */
    public double factFixedPointCosine() {
        INDArray mForm = shape.form(m);
        return fact.mul(mForm).sumNumber().doubleValue()
                / (factNorm() * mForm.norm2Number().doubleValue());
    }
}
