package org.factlab.nn.mlp;

import org.factlab.nn.quadratic.LearningRateSchedule;

/**
 * How an MLP is trained: minibatches of {@code batchSize} drawn by a seeded shuffle each epoch (the last
 * batch may be smaller), coupled weight decay λ on all parameters, the learning rate stepped per epoch, the
 * per-sample loss {@code loss} (mean squared error unless given).
 */
public record TrainingOptions(
        Optimizer optimizer,
        double lr,
        double momentum,
        double lambda,
        LearningRateSchedule schedule,
        int epochs,
        int batchSize,
        long seed,
        Loss loss) {

    /** Options of a mean-squared-error objective. */
    public TrainingOptions(
            Optimizer optimizer,
            double lr,
            double momentum,
            double lambda,
            LearningRateSchedule schedule,
            int epochs,
            int batchSize,
            long seed) {
        this(optimizer, lr, momentum, lambda, schedule, epochs, batchSize, seed, Loss.MSE);
    }

    public TrainingOptions {
        if (!(lr > 0) || !(lambda >= 0) || epochs < 1 || batchSize < 1 || loss == null) {
            throw new IllegalArgumentException("need lr > 0, λ ≥ 0, epochs ≥ 1, batchSize ≥ 1 and a loss");
        }
    }

    /** The learning rate of epoch e (0-based). */
    public double rate(int epoch) {
        return schedule.rate(lr, epoch, epochs);
    }
}
