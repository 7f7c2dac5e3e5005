package org.factlab.kernels;

import org.factlab.math.Products;
import org.factlab.math.RowTransform;
import org.factlab.math.SymmetricStorage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Kernel matrices K(X, Z)ᵢⱼ = k(‖xᵢ − zⱼ‖_M) of a radial {@link KernelFunction} on the Mahalanobis distance (for the
 * inner-product kernel k(xᵢᵀMzⱼ), from the one GEMM (XM)Zᵀ). The
 * expansion ‖x − z‖²_M = xᵀMx + zᵀMz − 2 xᵀMz is one GEMM of augmented factors,
 * [−2XM | xᵀMx | 𝟙] · [Z | 𝟙 | zᵀMz]ᵀ, with the kernel's scale folded in, so the n×m matrix is written once
 * and then transformed in place.
 *
 * <p>Zero distances. The expansion cancels: where x = z it leaves a residue of the order of ε times the size of its
 * terms instead of 0 (≈ 1e-3 relative to the norms' scale after the square root in float32), and the Laplace
 * kernel's κ = K/(L‖x − z‖) turns such a residue into a spurious, huge gradient factor. So exactly equal rows, and
 * squared distances within round-off of the terms' magnitudes, count as exactly 0 in both precisions
 * ({@link ZeroDistances}): duplicate rows get K = 1 and κ = 0 (docs/science.md, "Kernels"). Only kernels whose κ is
 * singular at distance 0 need that pass ({@link KernelFunction#singularAtZeroDistance()}); for the others a residue
 * moves K and κ by O(ε), and the n×m pass is skipped.
 */
public final class MahalanobisKernel {

    private MahalanobisKernel() {}

    /**
     * Writes K(X, Z) into {@code kOut} (rows(X) × rows(Z), the data type of X) and returns the gradient factors
     * κ of ∇ₓK(xᵢ, zⱼ) = −κᵢⱼ M (xᵢ − zⱼ) (into {@code kappaOut} when the kernel needs a buffer; pass null
     * for K alone). Distances within round-off of 0 are set to exactly 0 (see the class comment); with
     * {@code sameSet} (Z = X) the diagonal always is.
     *
     * @param m symmetric d×d feature matrix M, in X's data type; not modified
     * @param x not modified
     * @param z not modified
     * @param kOut modified: overwritten with K
     * @param kappaOut modified: overwritten with κ when the kernel needs a buffer for it; may be null
     */
    static GradientFactors compute(
            INDArray x,
            INDArray z,
            INDArray m,
            KernelFunction kernel,
            double bandwidth,
            boolean sameSet,
            INDArray kOut,
            INDArray kappaOut) {
        if (kernel.radial()) {
            scaledSquaredDistances(
                    x, z, m, kernel.distanceScale(bandwidth), sameSet, kernel.singularAtZeroDistance(), kOut);
        } else {
            Nd4j.gemm(Products.times(x, m), z, kOut, false, true, kernel.distanceScale(bandwidth), 0.0);
        }
        return kernel.fromScaledSquaredDistances(kOut, kappaOut, bandwidth);
    }

    /** Rows per strip of the symmetric training-set kernel ({@link #symmetric}). */
    private static final int STRIP = 512;

    /**
     * K(X, X) and κ of the training set, written into the upper triangles of {@code kOut} (and of {@code kappaOut}
     * for a kernel whose κ needs its own matrix) only, as both are symmetric: the distance GEMM in row strips from each
     * strip's diagonal on, then, per row while the strip is in cache ({@link SymmetricStorage#upperProductByRows}),
     * the zero distances for a kernel singular at 0 ({@link ZeroDistances}), distance 0 on the diagonal for a radial
     * kernel, and the kernel's function of the row ({@link KernelFunction#rowFromScaled}: e^(·) vectorised): half
     * the GEMM flops and half the exponentials of {@link #compute}, and one pass over memory instead of several. The
     * factors returned say so ({@link GradientFactors#upperOnly()}).
     *
     * @param x not modified
     * @param m symmetric d×d, in X's data type; not modified
     * @param kOut n×n row-major, X's data type; modified: upper triangle overwritten with K (and the lower triangle of
     *             each diagonal block of {@value #STRIP} rows); the rest is not written
     * @param kappaOut n×n row-major, X's data type, when the kernel {@link KernelFunction#needsKappaBuffer()}, else
     *                 null; modified: as {@code kOut}, with κ
     */
    static GradientFactors symmetric(
            INDArray x, INDArray m, KernelFunction kernel, double bandwidth, INDArray kOut, INDArray kappaOut) {
        double scale = kernel.distanceScale(bandwidth);
        boolean radial = kernel.radial();
        INDArray[] factors = radial
                ? distanceFactors(x, x, m, scale, true)
                : new INDArray[] {Products.times(x, m).muli(scale), x};
        ZeroDistances.Rule zeros =
                kernel.singularAtZeroDistance() ? ZeroDistances.rule(x, x, m, scale, true, x.dataType()) : null;
        RowTransform row = (i, from, values, kappa, width) -> {
            if (zeros != null) {
                zeros.apply(i, from, values, width);
            }
            if (radial) {
                values[i - from] = 0;
            }
            kernel.rowFromScaled(values, kappa, width, bandwidth);
        };
        INDArray second = kernel.needsKappaBuffer() ? kappaOut : null;
        SymmetricStorage.upperProductByRows(factors[0], factors[1], STRIP, row, kOut, second);
        return kernel.factors(kOut, second, bandwidth, true);
    }

    /**
     * The augmented factors [−2·scale·XM | scale·xᵀMx | scale·𝟙] and [Z | 𝟙 | zᵀMz], whose product
     * is scale · ‖xᵢ − zⱼ‖²_M.
     *
     * @param x not modified
     * @param z not modified
     * @param m not modified
     */
    private static INDArray[] distanceFactors(INDArray x, INDArray z, INDArray m, double scale, boolean sameSet) {
        INDArray xm = Products.times(x, m);
        INDArray xNorms = xm.mul(x).sum(true, 1);
        INDArray zNorms = sameSet ? xNorms : Products.times(z, m).muli(z).sum(true, 1);
        INDArray ones = Nd4j.ones(x.dataType(), x.rows(), 1);
        return new INDArray[] {
            Nd4j.hstack(xm.muli(-2 * scale), xNorms.mul(scale), ones.muli(scale)),
            Nd4j.hstack(z, Nd4j.onesLike(zNorms), zNorms)
        };
    }

    /**
     * scale · ‖xᵢ − zⱼ‖²_M into {@code out} by one GEMM; exact zeros on the diagonal when {@code sameSet}, and, with
     * {@code exactZeros} (a kernel whose κ is singular at distance 0), wherever the distance is round-off of 0.
     *
     * @param x not modified
     * @param z not modified
     * @param m not modified
     * @param out modified: overwritten with the scaled squared distances
     */
    static void scaledSquaredDistances(
            INDArray x, INDArray z, INDArray m, double scale, boolean sameSet, boolean exactZeros, INDArray out) {
        INDArray[] factors = distanceFactors(x, z, m, scale, sameSet);
        Nd4j.gemm(factors[0], factors[1], out, false, true, 1.0, 0.0);
        if (exactZeros) {
            ZeroDistances.apply(x, z, m, scale, sameSet, out);
        }
        if (sameSet) {
            SquareMatrices.diagonal(out).assign(0);
        }
    }

    /** ε: the spacing of the numbers just above 1, 2⁻²³ in float32 and 2⁻⁵² in float64. */
    static double machineEpsilon(DataType type) {
        return type == DataType.FLOAT ? Math.ulp(1f) : Math.ulp(1.0);
    }
}
