package org.factlab.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Kernel matrices K(X, Z)ᵢⱼ = k(‖xᵢ − zⱼ‖_M) of a {@link KernelFunction} on the Mahalanobis distance. The
 * expansion ‖x − z‖²_M = xᵀMx + zᵀMz − 2 xᵀMz is one GEMM of augmented factors,
 * [−2XM | xᵀMx | 𝟙] · [Z | 𝟙 | zᵀMz]ᵀ, with the kernel's scale folded in, so the n×m matrix is written once
 * and then transformed in place.
 *
 * <p>Zero distances. The expansion cancels: where x = z it leaves a residue of the order of
 * ε·(xᵀMx + zᵀMz) instead of 0 (≈ 1e-3 relative to the norms' scale after the square root in float32), and the
 * Laplace kernel's κ = K/(L‖x − z‖) turns such a residue into a spurious, huge gradient factor. So a squared
 * distance with |‖x − z‖²_M| ≤ {@value #ZERO_ULPS}·ε·(xᵀMx + zᵀMz), ε the machine epsilon of the precision
 * (2⁻²³ in float32, 2⁻⁵² in float64), counts as exactly 0 in both precisions: duplicate rows get K = 1 and κ = 0
 * (docs/science.md, "Kernels").
 */
public final class MahalanobisKernel {

    /** Squared distances up to this many ε·(xᵀMx + zᵀMz) are round-off of a zero distance. */
    static final double ZERO_ULPS = 64;

    /** Rows per block of the zero-distance pass (bounds its temporary to this many rows of the n×m matrix). */
    private static final long ZERO_BLOCK_ROWS = 256;

    private MahalanobisKernel() {
    }

    /**
     * Writes K(X, Z) into {@code kOut} (rows(X) × rows(Z), the data type of X) and returns the gradient factors
     * κ of ∇ₓK(xᵢ, zⱼ) = −κᵢⱼ M (xᵢ − zⱼ) (into {@code kappaOut} when the kernel needs a buffer; pass null
     * for K alone). Distances within round-off of 0 are set to exactly 0 (see the class comment); with
     * {@code sameSet} (Z = X) the diagonal always is.
     *
     * @param m symmetric d×d feature matrix M, in X's data type
     */
    static GradientFactors compute(INDArray x, INDArray z, INDArray m, KernelFunction kernel, double bandwidth,
                                   boolean sameSet, INDArray kOut, INDArray kappaOut) {
        scaledSquaredDistances(x, z, m, kernel.distanceScale(bandwidth), sameSet, kOut);
        return kernel.fromScaledSquaredDistances(kOut, kappaOut, bandwidth);
    }

    /**
     * scale · ‖xᵢ − zⱼ‖²_M into {@code out} by one GEMM; exact zeros where the distance is round-off of 0 and on the
     * diagonal when {@code sameSet}.
     */
    static void scaledSquaredDistances(INDArray x, INDArray z, INDArray m, double scale, boolean sameSet,
                                       INDArray out) {
        INDArray xm = x.mmul(m);
        INDArray xNorms = xm.mul(x).sum(true, 1);
        INDArray zNorms = sameSet ? xNorms : z.mmul(m).muli(z).sum(true, 1);
        INDArray ones = Nd4j.ones(x.dataType(), x.rows(), 1);
        INDArray left = Nd4j.hstack(xm.muli(-2 * scale), xNorms.mul(scale), ones.muli(scale));
        INDArray right = Nd4j.hstack(z, Nd4j.onesLike(zNorms), zNorms);
        Nd4j.gemm(left, right, out, false, true, 1.0, 0.0);
        zeroRoundOff(out, xNorms.mul(Math.abs(scale)), zNorms.mul(Math.abs(scale)).reshape(1, zNorms.rows()));
        if (sameSet) {
            SquareMatrices.diagonal(out).assign(0);
        }
    }

    /**
     * Sets outᵢⱼ to exactly 0 where |outᵢⱼ| ≤ {@link #ZERO_ULPS}·ε·(aᵢ + bⱼ), block of rows by block of rows:
     * outᵢⱼ ← outᵢⱼ · step(|outᵢⱼ| − t·(aᵢ + bⱼ)), step(v) = 1 for v &gt; 0 and 0 otherwise (an exact comparison).
     *
     * @param a rows(out)×1, the scaled xᵢᵀMxᵢ
     * @param b 1×columns(out), the scaled zⱼᵀMzⱼ
     */
    private static void zeroRoundOff(INDArray out, INDArray a, INDArray b) {
        double tolerance = ZERO_ULPS * machineEpsilon(out.dataType());
        INDArray rowThresholds = b.mul(tolerance);
        for (long start = 0; start < out.rows(); start += ZERO_BLOCK_ROWS) {
            long end = Math.min(out.rows(), start + ZERO_BLOCK_ROWS);
            INDArray block = out.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray keep = Transforms.abs(block, true)
                    .subiColumnVector(a.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).mul(tolerance))
                    .subiRowVector(rowThresholds);
            block.muli(Transforms.step(keep, false));
        }
    }

    /** ε: the spacing of the numbers just above 1, 2⁻²³ in float32 and 2⁻⁵² in float64. */
    static double machineEpsilon(DataType type) {
        return type == DataType.FLOAT ? Math.ulp(1f) : Math.ulp(1.0);
    }
}
