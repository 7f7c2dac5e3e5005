package org.factlab.math;

/**
 * Powers of positive semi-definite matrices, as used for the NFA prediction WᵀW ∝ AGOPˢ (eq. NFA,
 * Theorem 3.4 with s = 1/2 by default): symmetrise, eigendecompose, clip negative eigenvalues (round-off
 * of a PSD matrix) to 0, then raise the eigenvalues to the power.
 */
public final class PsdMatrices {

    private PsdMatrices() {
    }

    /** Aˢ = V diag(max(λ, 0)ˢ) Vᵀ for s &gt; 0. */
    public static double[][] power(double[][] a, double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("power must be > 0, got " + s);
        }
        return SymmetricEigen.of(a).reassemble(lambda -> lambda > 0 ? Math.pow(lambda, s) : 0);
    }

    /** √A = V diag(√max(λ, 0)) Vᵀ, the NFA power s = 1/2 (√AGOP in Figure 4 and Table 2). */
    public static double[][] sqrt(double[][] a) {
        return SymmetricEigen.of(a).reassemble(lambda -> lambda > 0 ? Math.sqrt(lambda) : 0);
    }
}
