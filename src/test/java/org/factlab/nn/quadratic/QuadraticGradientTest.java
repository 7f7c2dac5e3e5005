package org.factlab.nn.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factlab.math.Matrices;
import org.junit.jupiter.api.Test;

/** Analytic gradients of the quadratic network against central finite differences. */
class QuadraticGradientTest {

    private static final double H = 1e-5;

    /** p = 0.3 so that the grid atoms matter; λ and s away from 1 so that mistakes in them show. */
    private final QuadraticObjective objective = QuadraticFixtures.objective(0.3, 0.7, 2.5, 0.03);

    @Test
    void parameterGradientOfTheObjectiveMatchesFiniteDifferences() {
        QuadraticNetwork net = QuadraticFixtures.randomNetwork(7, 11);
        double[] grad = new double[net.parameters().length];
        objective.objectiveGradient(net, grad);
        double[] theta = net.parameters();
        for (int i = 0; i < theta.length; i++) {
            double saved = theta[i];
            theta[i] = saved + H;
            double up = objective.objective(net);
            theta[i] = saved - H;
            double down = objective.objective(net);
            theta[i] = saved;
            double numeric = (up - down) / (2 * H);
            assertEquals(numeric, grad[i], 1e-7 * Math.max(1, Math.abs(numeric)), "parameter " + i);
        }
    }

    @Test
    void dataGradientIsObjectiveGradientWithoutWeightDecay() {
        QuadraticNetwork net = QuadraticFixtures.randomNetwork(5, 12);
        double[] full = new double[net.parameters().length];
        double[] data = new double[full.length];
        objective.objectiveGradient(net, full);
        objective.dataGradient(net, data);
        for (int i = 0; i < full.length; i++) {
            assertEquals(full[i] - 0.03 * net.parameters()[i], data[i], 1e-14 * Math.max(1, Math.abs(full[i])));
        }
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        QuadraticNetwork net = QuadraticFixtures.randomNetwork(6, 13);
        double[] x = {0.3, -1.1, 2.0, 0.7};
        double[] grad = new double[4];
        net.inputGradient(x, grad);
        for (int k = 0; k < 4; k++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[k] += H;
            down[k] -= H;
            double numeric = (net.output(up) - net.output(down)) / (2 * H);
            assertEquals(numeric, grad[k], 1e-8 * Math.max(1, Math.abs(numeric)), "input " + k);
        }
    }

    @Test
    void outputIsTheQuadraticFormOfLemmaD2() {
        QuadraticNetwork net = QuadraticFixtures.randomNetwork(6, 14);
        double[] q = new double[16];
        net.quadraticForm(q);
        double[] x = {0.3, -1.1, 2.0, 0.7};
        double xqx = 0;
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 4; l++) {
                xqx += x[k] * q[k * 4 + l] * x[l];
            }
        }
        assertEquals(net.output(x), xqx, 1e-13);
    }

    /** FACT = −(1/λ) Σᵢ wᵢ ∂ℓᵢ/∂x xᵢᵀ with ∂ℓᵢ/∂x taken by finite differences of ℓᵢ(x) = s(f(x) − yᵢ)². */
    @Test
    void factMatchesFiniteDifferenceLossGradients() {
        QuadraticNetwork net = QuadraticFixtures.randomNetwork(8, 15);
        double s = objective.lossScale();
        double[][] expected = new double[4][4];
        for (int i = 0; i < objective.inputs().length; i++) {
            double[] x = objective.inputs()[i];
            double y = objective.targets()[i];
            for (int k = 0; k < 4; k++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[k] += H;
                down[k] -= H;
                double ru = net.output(up) - y;
                double rd = net.output(down) - y;
                double gk = (s * ru * ru - s * rd * rd) / (2 * H);
                for (int l = 0; l < 4; l++) {
                    expected[k][l] -= objective.weights()[i] * gk * x[l] / objective.lambda();
                }
            }
        }
        double[][] fact = QuadraticFeatures.at(net, objective).fact();
        assertTrue(
                Matrices.relativeError(fact, expected) < 1e-7,
                "relative error " + Matrices.relativeError(fact, expected));
    }
}
