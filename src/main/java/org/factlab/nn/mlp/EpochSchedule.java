package org.factlab.nn.mlp;

import org.factlab.nn.quadratic.LearningRateSchedule;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A learning rate stepped once per epoch, as PyTorch's {@code CosineAnnealingLR(T_max = epochs)} with
 * {@code scheduler.step()} after each epoch: epoch e (0-based) trains at {@code schedule.rate(lr, e, epochs)}.
 */
record EpochSchedule(LearningRateSchedule schedule, double lr, int epochs) implements ISchedule {

    @Override
    public double valueAt(int iteration, int epoch) {
        return schedule.rate(lr, epoch, epochs);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
