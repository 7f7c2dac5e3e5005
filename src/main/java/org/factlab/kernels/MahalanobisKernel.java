package org.factlab.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Kernel matrices K(X, Z)ᵢⱼ = k(‖xᵢ − zⱼ‖_M) of a {@link KernelFunction} on the Mahalanobis distance. The
 * expansion ‖x − z‖²_M = xᵀMx + zᵀMz − 2 xᵀMz is one GEMM of augmented factors,
 * [−2XM | xᵀMx | 𝟙] · [Z | 𝟙 | zᵀMz]ᵀ, with the kernel's scale folded in, so the n×m matrix is written once
 * and then transformed in place.
 */
public final class MahalanobisKernel {

    private MahalanobisKernel() {
    }

    /**
     * Writes K(X, Z) into {@code kOut} (rows(X) × rows(Z), the data type of X) and returns the gradient factors
     * κ of ∇ₓK(xᵢ, zⱼ) = −κᵢⱼ M (xᵢ − zⱼ) (into {@code kappaOut} when the kernel needs a buffer; pass null
     * for K alone). With {@code sameSet} (Z = X) the diagonal distances are set to exactly 0: the expansion
     * leaves ~1e-8 there after the square root, which would otherwise poison the Laplace gradient.
     *
     * @param m symmetric d×d feature matrix M, in X's data type
     */
    static GradientFactors compute(INDArray x, INDArray z, INDArray m, KernelFunction kernel, double bandwidth,
                                   boolean sameSet, INDArray kOut, INDArray kappaOut) {
        scaledSquaredDistances(x, z, m, kernel.distanceScale(bandwidth), sameSet, kOut);
        return kernel.fromScaledSquaredDistances(kOut, kappaOut, bandwidth);
    }

    /** scale · ‖xᵢ − zⱼ‖²_M into {@code out} by one GEMM; exact zeros on the diagonal when {@code sameSet}. */
    static void scaledSquaredDistances(INDArray x, INDArray z, INDArray m, double scale, boolean sameSet,
                                       INDArray out) {
        INDArray xm = x.mmul(m);
        INDArray xNorms = xm.mul(x).sum(true, 1);
        INDArray zNorms = sameSet ? xNorms : z.mmul(m).muli(z).sum(true, 1);
        INDArray ones = Nd4j.ones(x.dataType(), x.rows(), 1);
        INDArray left = Nd4j.hstack(xm.muli(-2 * scale), xNorms.mul(scale), ones.muli(scale));
        INDArray right = Nd4j.hstack(z, Nd4j.onesLike(zNorms), zNorms);
        Nd4j.gemm(left, right, out, false, true, 1.0, 0.0);
        if (sameSet) {
            SquareMatrices.diagonal(out).assign(0);
        }
    }
}
