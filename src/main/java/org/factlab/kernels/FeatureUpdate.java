package org.factlab.kernels;

import org.factlab.choice.Choice;
import org.factlab.math.PsdMatrices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Line 6 of Algorithm 1: how the RFM replaces M after each fit. With diagonal-only M every update keeps the
 * diagonal of its root: M ← Diag(AGOPˢ) (NFA), Diag((F Fᵀ)^{1/2}) (FACT), Diag(((F M)(F M)ᵀ)^{1/4})
 * (FACT-geometric), the projection of the full update onto diagonal matrices (docs/science.md). A diagonal fixed
 * point of the full update stays fixed.
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
     * The next M (before normalization) from the current M and this iteration's AGOP or F (d×d float64).
     * Every update maps M to itself at its fixed point: AGOP = M^{1/s}, respectively F = M.
     *
     * @param m not modified
     * @param agop not modified
     * @param fact not modified
     */
    INDArray next(INDArray m, INDArray agop, INDArray fact, double agopPower, boolean diagonal) {
        if (this == KERNEL) {
            return m.dup();
        }
        INDArray root = switch (this) {
            case NFA -> PsdMatrices.power(agop, agopPower);
            case FACT -> PsdMatrices.leftPolarPower(fact, 1);
            default -> PsdMatrices.leftPolarPower(fact.mmul(m), 0.5);
        };
        return diagonal ? diagonalOf(root) : root;
    }

    /**
     * The diagonal of a root as a diagonal matrix, Diag(R): diagonal-only M takes the diagonal of the full update's
     * root (not the root of its diagonal), for NFA and FACT alike.
     *
     * @param root not modified
     */
    private static INDArray diagonalOf(INDArray root) {
        return Nd4j.diag(SquareMatrices.diagonal(root.dup('c'))).castTo(DataType.DOUBLE);
    }
}
