package org.factlab.nn.quadratic;

import java.util.SplittableRandom;

/** Random networks for the gradient tests. */
final class QuadraticTestNetworks {

    private QuadraticTestNetworks() {
    }

    /** Width-m network with N(0, 0.5²) parameters. */
    static QuadraticNetwork random(int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] theta = new double[width * 4 + width];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.5 * r.nextGaussian();
        }
        return new QuadraticNetwork(width, 4, theta);
    }
}
