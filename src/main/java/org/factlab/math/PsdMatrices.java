package org.factlab.math;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Powers of positive semi-definite matrices, as used for the NFA prediction WᵀW ∝ AGOPˢ (eq. NFA,
 * Theorem 3.4 with s = 1/2 by default): symmetrize, eigendecompose, clip negative eigenvalues (round-off
 * of a PSD matrix) to 0, then raise the eigenvalues to the power. Small {@code double[][]} matrices use the
 * Jacobi method of {@link SymmetricEigen}; float64 ND4J matrices (layer widths up to thousands) use LAPACK
 * through {@link NativeLinearAlgebra}.
 */
public final class PsdMatrices {

    private PsdMatrices() {}

    /**
     * Aˢ = V diag(max(λ, 0)ˢ) Vᵀ for s &gt; 0.
     *
     * @param a not modified
     */
    public static double[][] power(double[][] a, double s) {
        checkPower(s);
        return SymmetricEigen.of(a).reassemble(lambda -> lambda > 0 ? Math.pow(lambda, s) : 0);
    }

    /**
     * √A = V diag(√max(λ, 0)) Vᵀ, the NFA power s = 1/2 (√AGOP in Figure 4 and Table 2).
     *
     * @param a not modified
     */
    public static double[][] sqrt(double[][] a) {
        return SymmetricEigen.of(a).reassemble(lambda -> lambda > 0 ? Math.sqrt(lambda) : 0);
    }

    /**
     * Aˢ = V diag(λˢ) Vᵀ of the symmetric part of a float64 matrix (s &gt; 0), eigenvalues clipped as in {@link
     * #powers}.
     *
     * @param a not modified
     */
    public static INDArray power(INDArray a, double s) {
        return powers(a, s)[0];
    }

    /**
     * A^{s₁}, A^{s₂}, … of the symmetric part of a float64 matrix from one eigendecomposition (e.g. √AGOP and
     * AGOP^{1/L} of Appendix C). Eigenvalues up to the round-off level d·ε·λ_max are set to 0: a rank-deficient
     * PSD matrix (AGOP has rank ≤ c·n, AGOP of a layer ≤ its width) has eigenvalues ~ε·λ_max in its null space,
     * and their roots (ε^{1/4} ≈ 1e-4 for s = 1/4) would otherwise fill it.
     *
     * @param a not modified
     * @param s not modified
     */
    public static INDArray[] powers(INDArray a, double... s) {
        for (double power : s) {
            checkPower(power);
        }
        INDArray[] eigen = NativeLinearAlgebra.symmetricEigen(symmetricPart(a));
        double[] values = eigen[0].toDoubleVector();
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, v);
        }
        double roundOff = values.length * Math.ulp(1.0) * largest;
        INDArray[] out = new INDArray[s.length];
        for (int i = 0; i < s.length; i++) {
            double[] powered = new double[values.length];
            for (int k = 0; k < values.length; k++) {
                powered[k] = values[k] > roundOff ? Math.pow(values[k], s[i]) : 0;
            }
            out[i] = reassemble(eigen[1], powered);
        }
        return out;
    }

    /**
     * (A Aᵀ)^{p/2} = U diag(σᵖ) Uᵀ from the thin SVD A = U diag(σ) Vᵀ of a float64 matrix (m×m for m×n A): with
     * p = 1 the symmetrisation √(FACT·FACTᵀ) of Remark 3.3, taken from the SVD rather than from the squared product.
     *
     * @param a not modified
     */
    public static INDArray leftPolarPower(INDArray a, double p) {
        INDArray[] svd = NativeLinearAlgebra.svd(a);
        double[] sigma = svd[1].toDoubleVector();
        double[] powered = new double[sigma.length];
        for (int k = 0; k < sigma.length; k++) {
            powered[k] = Math.pow(sigma[k], p);
        }
        return reassemble(svd[0], powered);
    }

    /**
     * (A + Aᵀ)/2 as a column-major float64 matrix (LAPACK's layout; symmetric, so also its row-major one), in one
     * pass over the entries.
     *
     * @param a not modified
     */
    private static INDArray symmetricPart(INDArray a) {
        int n = Math.toIntExact(a.rows());
        if (a.columns() != n) {
            throw new IllegalArgumentException("needs a square matrix, got " + a.shapeInfoToString());
        }
        double[] e = Entries.of(a);
        double[] sym = new double[e.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0.5 * (e[i * n + j] + e[j * n + i]);
                sym[i * n + j] = v;
                sym[j * n + i] = v;
            }
        }
        return Entries.matrix(sym, n, n, 'f');
    }

    /**
     * V diag(values) Vᵀ as a float64 matrix: the columns of V scaled in a copy, then one GEMM. The GEMM writes
     * column-major like V (a row-major result from column-major operands costs ≈ 1.6× more), and the result is
     * read as row-major: for a symmetric product that is the same matrix.
     *
     * @param vectors not modified
     * @param values not modified
     */
    private static INDArray reassemble(INDArray vectors, double[] values) {
        int rows = Math.toIntExact(vectors.rows());
        double[] v = Entries.of(vectors.transpose());
        for (int k = 0; k < values.length; k++) {
            for (int i = 0; i < rows; i++) {
                v[k * rows + i] *= values[k];
            }
        }
        INDArray scaled = Entries.matrix(v, rows, values.length, 'f');
        INDArray product = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, rows}, 'f');
        Nd4j.gemm(scaled, vectors, product, false, true, 1.0, 0.0);
        return Nd4j.create(product.data(), new long[] {rows, rows}, new long[] {rows, 1}, 0, 'c');
    }

    private static void checkPower(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("power must be > 0, got " + s);
        }
    }
}
