package org.factlab.kernels;

import org.factlab.math.SymmetricStorage;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient factors κ of a kernel matrix, stored as κ = scale · matrix: for a radial kernel
 * ∇ₓK(xᵢ, zⱼ) = −κᵢⱼ M (xᵢ − zⱼ) (Gaussian κ = K/L², matrix = K itself, no extra n×n buffer; Laplace its own
 * matrix with scale 1); for an inner-product kernel K = k(xᵀMz), ∇ₓK(xᵢ, zⱼ) = κᵢⱼ M zⱼ with κ = k′(xᵢᵀMzⱼ)
 * (Proposition 5.1's k′; for exp(xᵀMz/L²), κ = K/L²).
 *
 * @param matrix kept, not copied; not modified here except by {@link #whole()}
 * @param radial whether ∇ₓK has the radial form (else the inner-product form)
 * @param upperOnly whether only the upper triangle of the (symmetric, training-set) matrix is written
 *                  ({@link MahalanobisKernel#symmetric}); {@link #times} reads only it, {@link #whole()} completes it
 */
record GradientFactors(INDArray matrix, double scale, boolean radial, boolean upperOnly) {

    GradientFactors(INDArray matrix, double scale, boolean radial) {
        this(matrix, scale, radial, false);
    }

    /**
     * matrix · right, n×c (times {@link #scale()} for κ itself).
     *
     * @param right not modified
     */
    INDArray times(INDArray right) {
        return upperOnly ? SymmetricStorage.symmetricProduct(matrix, right) : matrix.mmul(right);
    }

    /**
     * These factors with the whole matrix written, for element-wise use: when only the upper triangle is, the lower
     * one is filled from it (in place) and factors saying so are returned; otherwise these.
     */
    GradientFactors whole() {
        if (!upperOnly) {
            return this;
        }
        SymmetricStorage.mirrorUpper(matrix);
        return new GradientFactors(matrix, scale, radial, false);
    }
}
