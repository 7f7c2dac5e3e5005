package org.factlab.nn.quadratic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factlab.math.Matrices;
import org.junit.jupiter.api.Test;

/**
 * The proof of Theorem 3.1 without its premise: FACT from per-atom input gradients equals
 * −(1/λ) Wᵀ∇_W L, and FACT − WᵀW = −(1/λ) Wᵀ∇_W L_λ, at any parameters. The two sides come from
 * different code paths (per-atom backward vs the Q-form parameter gradient).
 */
class QuadraticFactIdentityTest {

    @Test
    void factEqualsMinusWTransposeTimesDataGradientOverLambda() {
        for (long seed = 1; seed <= 5; seed++) {
            double lambda = 1e-3 * seed;
            QuadraticObjective objective = QuadraticFixtures.objective(0.2, 0.5, 1.7, lambda);
            QuadraticNetwork net = QuadraticFixtures.randomNetwork(10, seed);
            double[] grad = new double[net.parameters().length];

            objective.dataGradient(net, grad);
            double[][] fromParameterGradient = Matrices.scale(-1 / lambda, wTransposeTimesGradW(net, grad));
            double[][] fact = QuadraticFeatures.at(net, objective).fact();
            assertTrue(
                    Matrices.relativeError(fact, fromParameterGradient) < 1e-12,
                    "seed " + seed + ": " + Matrices.relativeError(fact, fromParameterGradient));

            objective.objectiveGradient(net, grad);
            double[][] wtw = net.featureMatrix();
            double[][] residual = Matrices.scale(-1 / lambda, wTransposeTimesGradW(net, grad));
            double[][] factMinusWtw = new double[4][4];
            for (int k = 0; k < 4; k++) {
                for (int l = 0; l < 4; l++) {
                    factMinusWtw[k][l] = fact[k][l] - wtw[k][l];
                }
            }
            assertTrue(Matrices.relativeError(factMinusWtw, residual) < 1e-10, "seed " + seed);
        }
    }

    /** Wᵀ G_W with G_W the W-block (m × 4) of a parameter-shaped gradient. */
    private static double[][] wTransposeTimesGradW(QuadraticNetwork net, double[] grad) {
        double[] theta = net.parameters();
        double[][] out = new double[4][4];
        for (int j = 0; j < net.width(); j++) {
            for (int k = 0; k < 4; k++) {
                for (int l = 0; l < 4; l++) {
                    out[k][l] += theta[j * 4 + k] * grad[j * 4 + l];
                }
            }
        }
        return out;
    }
}
