package org.factlab.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient factors κ of a kernel matrix, stored as κ = scale · matrix: for a radial kernel
 * ∇ₓK(xᵢ, zⱼ) = −κᵢⱼ M (xᵢ − zⱼ) (Gaussian κ = K/L², matrix = K itself, no extra n×n buffer; Laplace its own
 * matrix with scale 1); for an inner-product kernel K = k(xᵀMz), ∇ₓK(xᵢ, zⱼ) = κᵢⱼ M zⱼ with κ = k′(xᵢᵀMzⱼ)
 * (Proposition 5.1's k′; for exp(xᵀMz/L²), κ = K/L²).
 *
 * @param matrix kept, not copied; not modified here
 * @param radial whether ∇ₓK has the radial form (else the inner-product form)
 */
record GradientFactors(INDArray matrix, double scale, boolean radial) {}
