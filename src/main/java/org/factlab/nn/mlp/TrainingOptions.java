package org.factlab.nn.mlp;

import org.factlab.nn.quadratic.LearningRateSchedule;

/**
 * How an MLP is trained: minibatches of {@code batchSize} drawn by a seeded shuffle each epoch (the last
 * batch may be smaller), coupled weight decay λ on all parameters, the learning rate stepped per epoch.
 */
public record TrainingOptions(Optimizer optimizer, double lr, double momentum, double lambda,
                              LearningRateSchedule schedule, int epochs, int batchSize, long seed) {

    public TrainingOptions {
        if (!(lr > 0) || !(lambda >= 0) || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need lr > 0, λ ≥ 0, epochs ≥ 1 and batchSize ≥ 1");
        }
    }

    /** The learning rate of epoch e (0-based). */
    public double rate(int epoch) {
        return schedule.rate(lr, epoch, epochs);
    }
}
