package org.factlab.data;

/**
 * The population D(p, τ) of Theorem 3.4 (Appendix D, "Setup") as weighted atoms: x ~ Unif[{0,1,2}⁴]
 * with probability p and x = (1,1,0,0) with probability 1 − p, labelled by
 * y = f*(x) = τ x₁x₂ + x₃x₄.
 *
 * <p>There are 82 atoms: the 81 grid points with weight p/81 each, then (1,1,0,0) with weight 1 − p as a
 * separate atom (although it is also a grid point), so that Σᵢ wᵢ ℓᵢ is exactly the population loss
 * E_{D(p,τ)}[ℓ]. Arrays are shared, not copied: callers must not modify them.
 */
public final class QuadraticSeparationData {

    /** Input dimension d = 4. */
    public static final int DIMENSION = 4;

    /** The heavy atom (1,1,0,0), on which f* = τ. */
    private static final double[] HEAVY_POINT = {1, 1, 0, 0};

    private static final int GRID_POINTS = 81;

    private final double[][] inputs;
    private final double[] targets;
    private final double[] weights;

    private QuadraticSeparationData(double p, double tau) {
        int n = GRID_POINTS + 1;
        inputs = new double[n][];
        targets = new double[n];
        weights = new double[n];
        for (int i = 0; i < GRID_POINTS; i++) {
            // base-3 digits of i: x₁ is the most significant
            inputs[i] = new double[] {i / 27 % 3, i / 9 % 3, i / 3 % 3, i % 3};
            weights[i] = p / GRID_POINTS;
        }
        inputs[GRID_POINTS] = HEAVY_POINT.clone();
        weights[GRID_POINTS] = 1 - p;
        for (int i = 0; i < n; i++) {
            targets[i] = target(inputs[i], tau);
        }
    }

    /**
     * D(p, τ) for p ∈ [0, 1] (p = 1 is the uniform grid alone, p = 0 the single heavy atom) and any τ.
     */
    public static QuadraticSeparationData of(double p, double tau) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite, got " + tau);
        }
        return new QuadraticSeparationData(p, tau);
    }

    /** f*(x) = τ x₁x₂ + x₃x₄. */
    public static double target(double[] x, double tau) {
        return tau * x[0] * x[1] + x[2] * x[3];
    }

    /** Number of atoms (82). */
    public int size() {
        return inputs.length;
    }

    /** Atom inputs, {@code size() × 4}. */
    public double[][] inputs() {
        return inputs;
    }

    /** Labels yᵢ = f*(xᵢ). */
    public double[] targets() {
        return targets;
    }

    /** Probability weights wᵢ, summing to 1. */
    public double[] weights() {
        return weights;
    }
}
