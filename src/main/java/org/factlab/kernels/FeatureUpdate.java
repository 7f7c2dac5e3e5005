package org.factlab.kernels;

import org.factlab.choice.Choice;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Line 6 of Algorithm 1: how the RFM replaces M after each fit. With diagonal-only M the diagonal comes first and
 * the update's power acts on it entry by entry: M ← Diag(diag(AGOP)ˢ) (NFA, as {@code update_M} with
 * {@code diag=True} of the RFM reference implementation), Diag(|diag(F)|) (FACT) and Diag(|diag(F)·diag(M)|^{1/2})
 * (FACT-geometric): FACT's stationarity with respect to a diagonal W is M = Diag(F) (docs/science.md, "Diagonal
 * M"). Only the diagonals are computed ({@link FeatureShape}).
 */
public enum FeatureUpdate implements Choice {
    /** No update: plain kernel regression with M = I (the "Kernel regression" column of Table 3). */
    KERNEL,
    /** NFA-RFM update (§4.1): M ← AGOPˢ, s = 1/2 by default. */
    NFA,
    /** FACT-RFM update, no averaging (§4.2, App. E): M ← (F Fᵀ)^{1/2}. */
    FACT,
    /** FACT-RFM update' with geometric averaging (§4.2, App. E): M ← ((F M)(F M)ᵀ)^{1/4}. */
    FACT_GEOMETRIC;

    /** True for the updates driven by FACT (they need F of Lemma F.1). */
    public boolean usesFact() {
        return this == FACT || this == FACT_GEOMETRIC;
    }

    /**
     * The next M (before normalization, d×d float64) from the current M and this iteration's AGOP or F (d×d float64,
     * or their diagonals as 1×d rows for {@link FeatureShape#DIAGONAL}). Every update maps M to itself at its fixed
     * point: AGOP = M^{1/s}, respectively F = M (diag(AGOP) = diag(M)^{1/s}, diag(F) = diag(M) for diagonal M).
     *
     * @param m not modified
     * @param agop not modified
     * @param fact not modified
     */
    INDArray next(INDArray m, INDArray agop, INDArray fact, double agopPower, FeatureShape shape) {
        if (this == KERNEL) {
            return m.dup();
        }
        INDArray root = switch (this) {
            case NFA -> shape.power(agop, agopPower);
            case FACT -> shape.polarPower(fact, 1);
            default -> shape.polarPower(shape.times(fact, m), 0.5);
        };
        return shape.matrix(root);
    }
}
