package org.factlab.nn.quadratic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two-layer network with quadratic activation of Theorem 3.4 / Appendix D,
 * f(x; a, W) = aᵀ σ(Wx) = Σⱼ aⱼ (wⱼ·x)², σ(t) = t², W ∈ ℝ^{m×d}, a ∈ ℝ^m.
 *
 * <p>All parameters live in one flat array θ = (W row-major, a), so that the optimiser and the gradient
 * work on one buffer: W_jk is {@code θ[j·d + k]}, aⱼ is {@code θ[m·d + j]}.
 */
public final class QuadraticNetwork {

    private final int width;
    private final int inputDim;
    private final double[] theta;

    /** A network with the given parameters (copied). */
    public QuadraticNetwork(int width, int inputDim, double[] theta) {
        if (width < 1 || inputDim < 1) {
            throw new IllegalArgumentException("width and input dimension must be ≥ 1");
        }
        if (theta.length != width * inputDim + width) {
            throw new IllegalArgumentException(
                    "expected " + (width * inputDim + width) + " parameters, got " + theta.length);
        }
        this.width = width;
        this.inputDim = inputDim;
        this.theta = theta.clone();
    }

    /**
     * PyTorch's default initialisation of {@code Linear(d, m, bias=False)} and {@code Linear(m, 1,
     * bias=False)} scaled by {@code initScale}: W_jk ~ U(−s/√d, s/√d), aⱼ ~ U(−s/√m, s/√m).
     */
    public static QuadraticNetwork initialised(int width, int inputDim, double initScale, SplittableRandom random) {
        double[] theta = new double[width * inputDim + width];
        double boundW = initScale / Math.sqrt(inputDim);
        double boundA = initScale / Math.sqrt(width);
        for (int i = 0; i < width * inputDim; i++) {
            theta[i] = boundW * (2 * random.nextDouble() - 1);
        }
        for (int j = 0; j < width; j++) {
            theta[width * inputDim + j] = boundA * (2 * random.nextDouble() - 1);
        }
        return new QuadraticNetwork(width, inputDim, theta);
    }

    public int width() {
        return width;
    }

    public int inputDim() {
        return inputDim;
    }

    /** The live parameter vector θ (not a copy): the optimiser updates it in place. */
    public double[] parameters() {
        return theta;
    }

    /** Offset of a in θ. */
    public int outputWeightsOffset() {
        return width * inputDim;
    }

    /** f(x) = Σⱼ aⱼ (wⱼ·x)². */
    public double output(double[] x) {
        double f = 0;
        int aOff = outputWeightsOffset();
        for (int j = 0; j < width; j++) {
            double u = preActivation(j, x);
            f += theta[aOff + j] * u * u;
        }
        return f;
    }

    /** ∇ₓf = 2 Σⱼ aⱼ (wⱼ·x) wⱼ = 2 Wᵀ(a ∘ Wx), written into {@code out}. */
    public void inputGradient(double[] x, double[] out) {
        Arrays.fill(out, 0);
        int aOff = outputWeightsOffset();
        for (int j = 0; j < width; j++) {
            double c = 2 * theta[aOff + j] * preActivation(j, x);
            for (int k = 0; k < inputDim; k++) {
                out[k] += c * theta[j * inputDim + k];
            }
        }
    }

    /**
     * Q = Σⱼ aⱼ wⱼwⱼᵀ, so that f(x) = xᵀQx (proof of Lemma D.2), written row-major into {@code q}
     * ({@code d·d} entries).
     */
    public void quadraticForm(double[] q) {
        Arrays.fill(q, 0);
        int aOff = outputWeightsOffset();
        for (int j = 0; j < width; j++) {
            double aj = theta[aOff + j];
            int row = j * inputDim;
            for (int k = 0; k < inputDim; k++) {
                double c = aj * theta[row + k];
                for (int l = 0; l < inputDim; l++) {
                    q[k * inputDim + l] += c * theta[row + l];
                }
            }
        }
    }

    /** The neural feature matrix WᵀW (d × d). */
    public double[][] featureMatrix() {
        double[][] m = new double[inputDim][inputDim];
        for (int j = 0; j < width; j++) {
            int row = j * inputDim;
            for (int k = 0; k < inputDim; k++) {
                for (int l = 0; l < inputDim; l++) {
                    m[k][l] += theta[row + k] * theta[row + l];
                }
            }
        }
        return m;
    }

    /** ‖θ‖² = ‖W‖_F² + ‖a‖². */
    public double squaredNorm() {
        double s = 0;
        for (double v : theta) {
            s += v * v;
        }
        return s;
    }

    /** True when every parameter is finite. */
    public boolean isFinite() {
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** uⱼ = wⱼ·x. */
    private double preActivation(int j, double[] x) {
        double u = 0;
        int row = j * inputDim;
        for (int k = 0; k < inputDim; k++) {
            u += theta[row + k] * x[k];
        }
        return u;
    }
}
