package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factlab.math.FeatureSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test (2): a three-layer tanh network with biases driven by full-batch L-BFGS in float64 to ‖∇L_λ‖ ≤ 1e-6
 * (a smooth activation, so the optimum is a true critical point): FACT = WᵀW (Theorem 3.1) and
 * bFACT = WWᵀ (Theorem A.1) in every layer to a relative error ≤ 1e-4.
 */
class ConvergedTanhNetworkTest {

    @Test
    void factAndBackwardFactHoldInEveryLayerAtACriticalPoint() {
        MlpArchitecture arch = new MlpArchitecture(4, 6, 3, 2, Activation.TANH, true);
        double lambda = 1e-2;
        INDArray x = gaussian(30, 4, 1, 51);
        INDArray y = gaussian(30, 2, 1, 52);
        FullBatchObjective objective = new FullBatchObjective(arch, x, y, lambda);
        double[] theta = FullBatchObjective.flatten(MlpFixtures.randomWeights(arch, 53));
        double gradientNorm = Lbfgs.minimise(objective::valueAndGradient, theta, 1e-8, 5_000);
        assertTrue(gradientNorm <= 1e-6, "‖∇L_λ‖ = " + gradientNorm);

        MlpWeights weights = objective.weights(theta);
        ProbeResult probe = new MlpProbe(weights, arch.activation(), 30).probe(x, y, lambda);
        for (int l = 0; l < arch.depth(); l++) {
            assertTrue(probe.gradientNorm(l) <= 1e-6, "layer " + l + " ‖∇_W L_λ‖ = " + probe.gradientNorm(l));
            FeatureSet forward = probe.layer(l).forward();
            FeatureSet backward = probe.layer(l).backward();
            assertTrue(forward.factRelativeError() <= 1e-4, "layer " + l + " FACT: " + forward.factRelativeError());
            assertTrue(backward.factRelativeError() <= 1e-4, "layer " + l + " bFACT: " + backward.factRelativeError());
        }
    }
}
