package org.factlab.kernels;

import org.factlab.math.PsdMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The feature matrices of one fitted RFM iteration (d×d float64): AGOP = (1/n) Σᵢ ∇f(xᵢ)∇f(xᵢ)ᵀ (centred
 * per output when the options say so) and, for FACT-driven runs, F of Lemma F.1; with M_t they give the
 * heatmaps and fixed-point measurements. Matrix accessors return {@code double[][]} copies, null where the
 * matrix was not computed.
 */
public final class Features {

    private final INDArray agop;
    private final INDArray fact;
    private final INDArray m;

    /**
     * @param agop kept, not copied; not modified
     * @param fact kept, not copied; not modified
     * @param m kept, not copied; not modified
     */
    Features(INDArray agop, INDArray fact, INDArray m) {
        this.agop = agop;
        this.fact = fact;
        this.m = m;
    }

    INDArray agopArray() {
        return agop;
    }

    INDArray factArray() {
        return fact;
    }

    /** √AGOP, the NFA feature matrix of Figures 5 and 6. */
    public double[][] sqrtAgop() {
        return agop == null ? null : Rows.of(PsdMatrices.power(agop, 0.5));
    }

    /**
     * √(FACT·Mᵀ) of Figures 5 and 6, symmetrised: ((F M)(F M)ᵀ)^{1/4} (= √(F M) when F M is PSD, as it is for
     * inner-product kernels with non-increasing k, §5).
     */
    public double[][] sqrtFactMt() {
        return fact == null ? null : Rows.of(PsdMatrices.leftPolarPower(fact.mmul(m), 0.5));
    }

    /** ‖F‖_F. */
    public double factNorm() {
        return fact.norm2Number().doubleValue();
    }

    /** cos(F, M) = ⟨F, M⟩ / (‖F‖_F ‖M‖_F): 1 at a fixed point of the FACT updates (F ∝ M). */
    public double factFixedPointCosine() {
        return fact.mul(m).sumNumber().doubleValue() / (factNorm() * m.norm2Number().doubleValue());
    }
}
