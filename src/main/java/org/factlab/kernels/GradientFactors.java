package org.factlab.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient factors κ of a kernel matrix, ∇ₓK(xᵢ, zⱼ) = −κᵢⱼ M (xᵢ − zⱼ), stored as κ = scale · matrix:
 * for the Gaussian kernel κ = K/L² (matrix = K itself, no extra n×n buffer), for the Laplace kernel its own
 * matrix with scale 1.
 *
 * @param matrix kept, not copied; not modified here
 */
record GradientFactors(INDArray matrix, double scale) {
}
