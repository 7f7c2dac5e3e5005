package org.factlab.kernels;

import org.factlab.choice.Choice;
import org.factlab.math.ExpInPlace;
import org.factlab.math.NativeLinearAlgebra;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Kernels with bandwidth L on M = WᵀW (paper §4.1, K_W(x, z) = K(Wx, Wz)): radial kernels on the Mahalanobis
 * distance ‖x − z‖_M = √((x − z)ᵀ M (x − z)), with gradient factors κ defined by ∇ₓK(x, z) = −κ(x, z) M (x − z),
 * and an inner-product kernel K = k(xᵀMz) (§5, Proposition 5.1), with κ = k′(xᵀMz), ∇ₓK(x, z) = κ M z.
 */
public enum KernelFunction implements Choice {

    /**
     * K = exp(−‖x − z‖_M / L); κ = K / (L ‖x − z‖_M), set to 0 where x = z (the subgradient 0 of the cusp). Which
     * distances are 0 is decided before, on the squared distances, by an explicit threshold relative to
     * xᵀMx + zᵀMz in both precisions ({@link MahalanobisKernel}); here a distance is 0 exactly or not at all.
     */
    LAPLACE {
        @Override
        double distanceScale(double bandwidth) {
            return 1;
        }

        @Override
        void rowFromScaled(double[] values, double[] kappa, int width, double bandwidth) {
            boolean withKappa = kappa.length > 0;
            for (int j = 0; j < width; j++) {
                double distance = Math.sqrt(Math.max(values[j], 0));
                if (withKappa) {
                    kappa[j] = distance;
                }
                values[j] = -distance / bandwidth;
            }
            ExpInPlace.apply(values, width);
            for (int j = 0; withKappa && j < width; j++) {
                // the subgradient 0 where the distance is exactly 0; a NaN distance stays NaN
                kappa[j] = kappa[j] == 0 ? 0 : values[j] / (bandwidth * kappa[j]);
            }
        }
    },

    /**
     * K = exp(−‖x − z‖²_M / (2L²)); κ = K / L². The exponent comes from the distance GEMM already scaled;
     * a round-off-positive exponent gives K = 1 + O(ε), harmless, so it is not clamped.
     */
    GAUSSIAN {
        @Override
        double distanceScale(double bandwidth) {
            return -0.5 / (bandwidth * bandwidth);
        }

        @Override
        void rowFromScaled(double[] values, double[] kappa, int width, double bandwidth) {
            ExpInPlace.apply(values, width);
        }
    },

    /**
     * The exponential inner-product kernel K = exp(xᵀMz / L²), for which Proposition 5.1 holds as stated:
     * k′(t) = k(t)/L², so κ = K/L² and ∇ₓK(x, z) = κ M z. The exponent comes from the product GEMM already scaled.
     */
    EXP_INNER_PRODUCT {
        @Override
        double distanceScale(double bandwidth) {
            return 1 / (bandwidth * bandwidth);
        }

        @Override
        void rowFromScaled(double[] values, double[] kappa, int width, double bandwidth) {
            ExpInPlace.apply(values, width);
        }
    };

    /** Whether K depends on ‖x − z‖_M only (else on xᵀMz, an inner-product kernel). */
    boolean radial() {
        return this != EXP_INNER_PRODUCT;
    }

    /**
     * Whether κ is singular at distance 0 (the Laplace kernel's K/(L‖x − z‖)), so that a round-off residue of a zero
     * distance must be set to exactly 0 first; for the other kernels it moves K and κ by O(ε).
     */
    boolean singularAtZeroDistance() {
        return this == LAPLACE;
    }

    /** Whether κ needs its own n×n buffer (it does not when it is a multiple of K). */
    boolean needsKappaBuffer() {
        return this == LAPLACE;
    }

    /** κ / K for the kernels whose κ is a multiple of K (not {@link #needsKappaBuffer()}): 1/L². */
    double kappaScale(double bandwidth) {
        return 1 / (bandwidth * bandwidth);
    }

    /** The factor the squared distances (inner products) are computed with, folded into the GEMM. */
    abstract double distanceScale(double bandwidth);

    /**
     * Overwrites {@code d2}, holding {@link #distanceScale} · ‖xᵢ − zⱼ‖²_M (for the inner-product kernel
     * {@link #distanceScale} · xᵢᵀMzⱼ), with K row by row ({@link #rowFromScaled}) and returns κ, written into
     * {@code kappa} (same shape) when the kernel needs a buffer for it; returns null when {@code kappa} is null and
     * the kernel needs one (a prediction, which needs K only).
     *
     * @param d2 row-major, offset 0; modified: overwritten with K
     * @param kappa row-major, offset 0, or null; modified: overwritten with κ when the kernel needs a buffer for it
     */
    GradientFactors fromScaledSquaredDistances(INDArray d2, INDArray kappa, double bandwidth) {
        INDArray second = needsKappaBuffer() ? kappa : null;
        NativeLinearAlgebra.transformRows(
                d2, second, (i, from, values, kappaRow, width) -> rowFromScaled(values, kappaRow, width, bandwidth));
        return factors(d2, second, bandwidth, false);
    }

    /**
     * The gradient factors of K (written in {@code k}) and, for a kernel that {@link #needsKappaBuffer()}, κ (in
     * {@code kappa}; null gives null: K alone was asked for).
     *
     * @param k kept, not copied
     * @param kappa kept, not copied
     * @param upperOnly whether only the upper triangles are written ({@link GradientFactors#upperOnly()})
     */
    GradientFactors factors(INDArray k, INDArray kappa, double bandwidth, boolean upperOnly) {
        if (needsKappaBuffer()) {
            return kappa == null ? null : new GradientFactors(kappa, 1, radial(), upperOnly);
        }
        return new GradientFactors(k, kappaScale(bandwidth), radial(), upperOnly);
    }

    /**
     * The kernel's function of one row segment in Java arrays ({@link #fromScaledSquaredDistances},
     * {@link MahalanobisKernel#symmetric}): overwrites {@code values} with K and, for a kernel that
     * {@link #needsKappaBuffer()} and a non-empty {@code kappa}, writes κ into it.
     *
     * @param values modified: entries [0, width) replaced by K
     * @param kappa modified: entries [0, width) overwritten with κ when the kernel needs a buffer for it (length 0: K
     *              alone)
     */
    abstract void rowFromScaled(double[] values, double[] kappa, int width, double bandwidth);
}
