package org.factlab.nn.quadratic;

import java.util.SplittableRandom;
import org.factlab.data.QuadraticSeparationData;

/** Objectives on D(p, τ) and random networks for the quadratic-network tests. */
final class QuadraticFixtures {

    private QuadraticFixtures() {}

    /** L_λ on the 82 atoms of D(p, τ). */
    static QuadraticObjective objective(double p, double tau, double lossScale, double lambda) {
        QuadraticSeparationData data = QuadraticSeparationData.of(p, tau);
        return new QuadraticObjective(data.inputs(), data.targets(), data.weights(), lossScale, lambda);
    }

    /** Width-m network on ℝ⁴ with N(0, 0.5²) parameters. */
    static QuadraticNetwork randomNetwork(int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] theta = new double[width * 4 + width];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.5 * r.nextGaussian();
        }
        return new QuadraticNetwork(width, 4, theta);
    }
}
