package org.factlab.nn.quadratic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.factlab.choice.Choice;
import org.junit.jupiter.api.Test;

class AdamTest {

    /** With bias correction the first step is lr · g / (|g| + ε) for every parameter. */
    @Test
    void firstStepIsLearningRateTimesSignOfGradient() {
        Adam adam = new Adam(3, 0.9, 0.999, 1e-8);
        double[] theta = {1, 2, 3};
        adam.step(theta, new double[] {0.5, -2, 0}, 0.1);
        assertArrayEquals(new double[] {1 - 0.1 * 0.5 / (0.5 + 1e-8), 2 + 0.1 * 2 / (2 + 1e-8), 3}, theta, 1e-15);
    }

    /** Second step, by hand: m = (1−β₁)(β₁g₁ + g₂), v = (1−β₂)(β₂g₁² + g₂²), then bias-corrected. */
    @Test
    void secondStepFollowsPyTorchsFormula() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double lr = 0.01;
        Adam adam = new Adam(1, b1, b2, eps);
        double[] theta = {0};
        adam.step(theta, new double[] {1}, lr);
        double afterFirst = theta[0];
        adam.step(theta, new double[] {3}, lr);
        double m = (1 - b1) * (b1 * 1 + 3);
        double v = (1 - b2) * (b2 * 1 + 9);
        double expected = afterFirst - lr / (1 - b1 * b1) * m / (Math.sqrt(v) / Math.sqrt(1 - b2 * b2) + eps);
        assertEquals(expected, theta[0], 1e-16);
    }

    @Test
    void cosineScheduleDecaysFromTheBaseRateToZero() {
        assertEquals(0.01, LearningRateSchedule.COSINE.rate(0.01, 0, 1000), 0);
        assertEquals(0.005, LearningRateSchedule.COSINE.rate(0.01, 500, 1000), 1e-17);
        assertEquals(0.0, LearningRateSchedule.COSINE.rate(0.01, 1000, 1000), 1e-18);
        assertEquals(0.01, LearningRateSchedule.CONSTANT.rate(0.01, 999, 1000), 0);
        assertEquals(LearningRateSchedule.COSINE, Choice.fromId(LearningRateSchedule.class, "cosine"));
    }
}
