package org.factlab.nn.quadratic;

/**
 * Full-batch Adam on the population objective L_λ (Figure 4: Adam on the population loss), one update
 * per {@link #step()}, with a learning-rate schedule over a fixed number of steps. Allocation-free per
 * step.
 */
public final class QuadraticTrainer {

    private final QuadraticNetwork network;
    private final QuadraticObjective objective;
    private final Adam adam;
    private final LearningRateSchedule schedule;
    private final double baseRate;
    private final long totalSteps;
    private final double[] gradient;
    private long done;

    public QuadraticTrainer(
            QuadraticNetwork network,
            QuadraticObjective objective,
            Adam adam,
            LearningRateSchedule schedule,
            double baseRate,
            long totalSteps) {
        this.network = network;
        this.objective = objective;
        this.adam = adam;
        this.schedule = schedule;
        this.baseRate = baseRate;
        this.totalSteps = totalSteps;
        this.gradient = new double[network.parameters().length];
    }

    /**
     * One Adam update with ∇_θ L_λ at the current parameters.
     *
     * @return false when a parameter became NaN or infinite (the run diverged)
     */
    public boolean step() {
        objective.objectiveGradient(network, gradient);
        adam.step(network.parameters(), gradient, currentRate());
        done++;
        return network.isFinite();
    }

    /** The learning rate the next update will use. */
    public double currentRate() {
        return schedule.rate(baseRate, done, totalSteps);
    }

    /** ‖∇_θ L_λ‖ at the current parameters (the stationarity of Theorem 3.1's premise). */
    public double gradientNorm() {
        objective.objectiveGradient(network, gradient);
        double s = 0;
        for (double gi : gradient) {
            s += gi * gi;
        }
        return Math.sqrt(s);
    }

    public QuadraticNetwork network() {
        return network;
    }

    public QuadraticObjective objective() {
        return objective;
    }
}
