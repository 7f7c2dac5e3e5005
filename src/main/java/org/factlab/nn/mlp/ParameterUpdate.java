package org.factlab.nn.mlp;

import static org.bytedeco.openblas.global.openblas.cblas_dsdot;
import static org.bytedeco.openblas.global.openblas.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas.cblas_sscal;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One optimiser step over all parameters, coupled L2 fused in: g ← ∇L + λθ (weights and
 * biases, PyTorch's {@code weight_decay}), then
 * <ul>
 *   <li>SGD: θ ← θ − ηg;</li>
 *   <li>heavy ball, PyTorch's {@code SGD(momentum=μ, dampening=0, nesterov=False)}: b ← μb + g, θ ← θ − ηb
 *       (b = 0 before the first step, so b₁ = g₀ as in PyTorch);</li>
 *   <li>Adam as DL4J's (β₁ = 0.9, β₂ = 0.999, ε = 1e-8): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
 *       θ ← θ − αₜ m/(√v + ε) with αₜ = η√(1 − β₂ᵗ)/(1 − β₁ᵗ), t the 1-based step.</li>
 * </ul>
 * The state buffers are allocated once per run. For heavy ball the gradient pass itself accumulates into the
 * momentum buffer ({@link #gradientTarget}: b ← μb + ∇L by GEMM's β), so that the step is two passes, b ← b + λθ
 * and θ ← θ − ηb. Float32 SGD and heavy ball are vectorised BLAS level-1 passes (sscal, saxpy, dsdot for ‖θ‖²),
 * faster here than a fused Java loop over the direct buffers; everything else is one fused float64 loop through
 * the buffers' accessors.
 */
final class ParameterUpdate {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Optimizer optimizer;
    private final double momentum;
    private final double lambda;
    private final NativeBuffer first;
    private final NativeBuffer second;

    ParameterUpdate(TrainingOptions options, DataType type, int parameterCount) {
        this.optimizer = options.optimizer();
        this.momentum = optimizer == Optimizer.SGD ? options.momentum() : 0;
        this.lambda = options.lambda();
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        boolean adam = optimizer == Optimizer.ADAM;
        first = adam || momentum > 0 ? NativeBuffer.allocate(type, parameterCount) : null;
        second = adam ? NativeBuffer.allocate(type, parameterCount) : null;
    }

    /**
     * The buffer the gradient pass should accumulate into ({@code into ← β·into + ∇θ}): heavy ball's momentum buffer
     * (then the pass leaves b ← μb + ∇L), otherwise {@code gradients}.
     */
    NativeBuffer gradientTarget(NativeBuffer gradients) {
        return heavyBall() ? first : gradients;
    }

    /** The β of {@link #gradientTarget}: μ for heavy ball, 0 otherwise. */
    double gradientBeta() {
        return heavyBall() ? momentum : 0;
    }

    private boolean heavyBall() {
        return optimizer != Optimizer.ADAM && momentum > 0;
    }

    /**
     * Steps θ along the gradient g at rate η (for heavy ball g is not read: the pass accumulated μb + ∇L into the
     * momentum buffer, {@link #gradientTarget}); {@code step} counts the steps before this one (from 0). Returns
     * ‖θ‖² before the step (for the score) when {@code squaredNorm} is set (the float32 SGD paths skip that pass
     * otherwise and return NaN).
     */
    double apply(NativeBuffer theta, NativeBuffer g, double rate, long step, boolean squaredNorm) {
        if (optimizer == Optimizer.ADAM) {
            return adam(theta, g, rate, step);
        }
        return heavyBall() ? heavyBall(theta, rate, squaredNorm) : sgd(theta, g, rate, squaredNorm);
    }

    private double sgd(NativeBuffer theta, NativeBuffer g, double rate, boolean squaredNorm) {
        if (theta.isFloat() && g.isFloat()) {
            return sgd(theta.floatMemory, g.floatMemory, theta.length(), rate, lambda, squaredNorm);
        }
        double squares = 0;
        int n = theta.length();
        for (int i = 0; i < n; i++) {
            double t = theta.get(i);
            squares += t * t;
            theta.set(i, t - rate * (g.get(i) + lambda * t));
        }
        return squares;
    }

    /** b ← (μb + ∇L) + λθ, θ ← θ − ηb, with μb + ∇L already in b. */
    private double heavyBall(NativeBuffer theta, double rate, boolean squaredNorm) {
        if (theta.isFloat() && first.isFloat()) {
            return heavyBall(theta.floatMemory, first.floatMemory, theta.length(), rate, lambda, squaredNorm);
        }
        double squares = 0;
        int n = theta.length();
        for (int i = 0; i < n; i++) {
            double t = theta.get(i);
            squares += t * t;
            first.set(i, first.get(i) + lambda * t);
            theta.set(i, t - rate * first.get(i));
        }
        return squares;
    }

    /** θ ← (1 − ηλ)θ − ηg: two vectorised BLAS passes. */
    private static double sgd(
            FloatPointer theta, FloatPointer g, int n, double rate, double lambda, boolean squaredNorm) {
        double squares = squaredNorm ? cblas_dsdot(n, theta, 1, theta, 1) : Double.NaN;
        cblas_sscal(n, (float) (1 - rate * lambda), theta, 1);
        cblas_saxpy(n, (float) -rate, g, 1, theta, 1);
        return squares;
    }

    /** b ← b + λθ, θ ← θ − ηb: two vectorised BLAS passes (b holds μb + ∇L). */
    private static double heavyBall(
            FloatPointer theta, FloatPointer buffer, int n, double rate, double lambda, boolean squaredNorm) {
        double squares = squaredNorm ? cblas_dsdot(n, theta, 1, theta, 1) : Double.NaN;
        cblas_saxpy(n, (float) lambda, theta, 1, buffer, 1);
        cblas_saxpy(n, (float) -rate, buffer, 1, theta, 1);
        return squares;
    }

    private double adam(NativeBuffer theta, NativeBuffer g, double rate, long step) {
        double alpha = rate * Math.sqrt(1 - Math.pow(BETA2, step + 1)) / (1 - Math.pow(BETA1, step + 1));
        double squares = 0;
        int n = theta.length();
        for (int i = 0; i < n; i++) {
            double t = theta.get(i);
            squares += t * t;
            double gi = g.get(i) + lambda * t;
            first.set(i, BETA1 * first.get(i) + (1 - BETA1) * gi);
            second.set(i, BETA2 * second.get(i) + (1 - BETA2) * gi * gi);
            theta.set(i, t - alpha * first.get(i) / (Math.sqrt(second.get(i)) + EPSILON));
        }
        return squares;
    }
}
