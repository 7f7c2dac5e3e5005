package org.factlab.math;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Powers of positive semi-definite matrices, as used for the NFA prediction WᵀW ∝ AGOPˢ (eq. NFA,
 * Theorem 3.4 with s = 1/2 by default): symmetrise, eigendecompose, clip negative eigenvalues (round-off
 * of a PSD matrix) to 0, then raise the eigenvalues to the power. Small {@code double[][]} matrices use the
 * Jacobi method of {@link SymmetricEigen}; float64 ND4J matrices (layer widths up to thousands) use LAPACK
 * through {@link Decompositions}.
 */
public final class PsdMatrices {

    private PsdMatrices() {
    }

    /** Aˢ = V diag(max(λ, 0)ˢ) Vᵀ for s &gt; 0. */
    public static double[][] power(double[][] a, double s) {
        checkPower(s);
        return SymmetricEigen.of(a).reassemble(lambda -> lambda > 0 ? Math.pow(lambda, s) : 0);
    }

    /** √A = V diag(√max(λ, 0)) Vᵀ, the NFA power s = 1/2 (√AGOP in Figure 4 and Table 2). */
    public static double[][] sqrt(double[][] a) {
        return SymmetricEigen.of(a).reassemble(lambda -> lambda > 0 ? Math.sqrt(lambda) : 0);
    }

    /** Aˢ = V diag(λˢ) Vᵀ of the symmetric part of a float64 matrix (s &gt; 0), eigenvalues clipped as in {@link #powers}. */
    public static INDArray power(INDArray a, double s) {
        return powers(a, s)[0];
    }

    /**
     * A^{s₁}, A^{s₂}, … of the symmetric part of a float64 matrix from one eigendecomposition (e.g. √AGOP and
     * AGOP^{1/L} of Appendix C). Eigenvalues up to the round-off level d·ε·λ_max are set to 0: a rank-deficient
     * PSD matrix (AGOP has rank ≤ c·n, AGOP of a layer ≤ its width) has eigenvalues ~ε·λ_max in its null space,
     * and their roots (ε^{1/4} ≈ 1e-4 for s = 1/4) would otherwise fill it.
     */
    public static INDArray[] powers(INDArray a, double... s) {
        INDArray symmetric = a.add(a.transpose()).muli(0.5);
        INDArray[] eigen = Decompositions.symmetricEigen(symmetric);
        double roundOff = eigen[0].length() * Math.ulp(1.0) * Math.max(0, eigen[0].maxNumber().doubleValue());
        INDArray clipped = eigen[0].dup();
        BooleanIndexing.replaceWhere(clipped, 0.0, Conditions.lessThanOrEqual(roundOff));
        INDArray[] out = new INDArray[s.length];
        for (int i = 0; i < s.length; i++) {
            checkPower(s[i]);
            out[i] = reassemble(eigen[1], Transforms.pow(clipped, s[i], true));
        }
        return out;
    }

    /**
     * (A Aᵀ)^{p/2} = U diag(σᵖ) Uᵀ from the thin SVD A = U diag(σ) Vᵀ of a float64 matrix (m×m for m×n A): with
     * p = 1 the symmetrisation √(FACT·FACTᵀ) of Remark 3.3, taken from the SVD rather than from the squared product.
     */
    public static INDArray leftPolarPower(INDArray a, double p) {
        INDArray[] svd = Decompositions.svd(a);
        return reassemble(svd[0], Transforms.pow(svd[1], p, true));
    }

    /** V diag(values) Vᵀ as a C-ordered float64 matrix. */
    private static INDArray reassemble(INDArray vectors, INDArray values) {
        INDArray scaled = vectors.mulRowVector(values.reshape(1, values.length()));
        return scaled.mmul(vectors.transpose()).castTo(DataType.DOUBLE).dup('c');
    }

    private static void checkPower(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("power must be > 0, got " + s);
        }
    }
}
