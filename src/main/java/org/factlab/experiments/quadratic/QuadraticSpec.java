package org.factlab.experiments.quadratic;

import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.nn.quadratic.LearningRateSchedule;

/**
 * Spec of the two-layer quadratic network of Theorem 3.4 / Figure 4 trained with full-batch Adam on the
 * population loss of D(p, τ). Field names are a public contract (JSON keys, CSV exports, presets).
 */
public record QuadraticSpec(
        @SpecField(
                description = "Hidden width m of f(x) = aᵀ(Wx)²; Theorem 3.4 needs m ≥ 7, Figure 4 uses 10",
                min = 1,
                max = 1000)
        int width,

        @SpecField(description = "τ in the target y = τ x₁x₂ + x₃x₄ (Figure 4: 0.02)", min = 0, max = 10)
        double tau,

        @SpecField(
                description = "Probability p of the uniform grid {0,1,2}⁴; the point (1,1,0,0) has 1 − p "
                        + "(Figure 4: 1e-5)",
                min = 0,
                max = 1)
        double p,

        @SpecField(
                description = "Weight decay λ of L_λ = L + (λ/2)(‖W‖² + ‖a‖²), coupled L2; FACT divides by it "
                        + "(paper prints 1e-5; the separation needs λ/lossScale ≲ 2e-6)",
                min = 0,
                max = 10,
                minExclusive = true)
        double lambda,

        @SpecField(description = "Adam learning rate (Figure 4: 0.01)", min = 0, max = 10, minExclusive = true)
        double lr,

        @SpecField(description = "Adam β₁", min = 0, max = 0.999999)
        double beta1,

        @SpecField(description = "Adam β₂", min = 0, max = 0.99999999)
        double beta2,

        @SpecField(description = "Adam ε (added to √v̂, as in PyTorch)", min = 0, max = 1, minExclusive = true)
        double eps,

        @SpecField(description = "Number of Adam steps (Figure 4: 10⁶)", min = 1, max = 100_000_000)
        int iterations,

        @SpecField(
                description = "Evaluate the feature matrices every this many steps (also at step 0 and at the last "
                        + "step). A run stores at most 10 000 evaluations and 200 snapshots of each matrix by default "
                        + "(factlab.quota.points-per-run, factlab.quota.snapshots-per-matrix): more are thinned evenly "
                        + "over the run, and the last evaluation is always kept",
                min = 1,
                max = 100_000_000)
        int evalEvery,

        @SpecField(
                description = "Scale of the initialisation: PyTorch's default U(±1/√fan_in) times this",
                min = 0,
                max = 100,
                minExclusive = true)
        double initScale,

        @SpecField(
                description =
                        "Random seed: the initial weights derive from it, so the same spec gives " + "the same numbers",
                min = 0,
                max = 9.007199254740992E15)
        long seed,

        @SpecField(
                description = "Loss scale s in ℓ = s·(f(x) − y)²; minimisers depend on λ/s only",
                min = 0,
                max = 1e6,
                minExclusive = true)
        double lossScale,

        @SpecField(
                description = "Learning-rate schedule over the iterations: constant, or cosine decay to 0 "
                        + "(lets Adam settle at the stationary point)")
        LearningRateSchedule lrSchedule) {

    /** Most evaluations a run may record (each one stores a metric row per series and three matrices). */
    public static final int MAX_EVALUATIONS = 100_000;

    public QuadraticSpec {
        if (evalEvery < 1) {
            throw new SpecValidationException("evalEvery", evalEvery + " is out of range; allowed: integer ≥ 1");
        }
        long evaluations = (long) iterations / evalEvery + 2;
        if (evaluations > MAX_EVALUATIONS) {
            throw new SpecValidationException(
                    "evalEvery",
                    evalEvery + " with iterations = " + iterations
                            + " gives " + evaluations + " evaluations; at most " + MAX_EVALUATIONS
                            + " allowed: use evalEvery ≥ " + (iterations / (MAX_EVALUATIONS - 2) + 1));
        }
    }
}
