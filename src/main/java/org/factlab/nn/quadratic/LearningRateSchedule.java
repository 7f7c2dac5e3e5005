package org.factlab.nn.quadratic;

import org.factlab.choice.Choice;

/** Learning rate as a function of the step, for a run of a fixed number of steps. */
public enum LearningRateSchedule implements Choice {

    /** lr_t = lr. Adam then keeps kicking the weights near the optimum (docs/reproduction.md, Figure 4). */
    CONSTANT,

    /**
     * lr_t = lr · (1 + cos(π t / T)) / 2 for t = 0 … T−1 (PyTorch {@code CosineAnnealingLR} with
     * T_max = T, η_min = 0): the rate decays to 0, so the last steps settle at a stationary point.
     */
    COSINE;

    /** The rate for update number {@code step} (0-based) of {@code totalSteps}. */
    public double rate(double baseRate, long step, long totalSteps) {
        return switch (this) {
            case CONSTANT -> baseRate;
            case COSINE -> baseRate * 0.5 * (1 + Math.cos(Math.PI * step / totalSteps));
        };
    }
}
