package org.factlab.nn.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.factlab.math.Similarity;
import org.factlab.math.SymmetricEigen;
import org.junit.jupiter.api.Test;

/**
 * Theorem 3.4 at the optimum of Figure 4's setting with λ = 1e-7: trained to stationarity,
 * FACT = WᵀW while AGOP is nearly orthogonal to WᵀW.
 */
class QuadraticOptimumTest {

    @Test
    void factHoldsAndNfaFailsAtTheSeparatingOptimum() {
        long steps = 100_000;
        QuadraticObjective objective = QuadraticFixtures.objective(1e-5, 0.02, 1, 1e-7);
        QuadraticNetwork net = QuadraticNetwork.initialised(10, 4, 1, new SplittableRandom(42));
        QuadraticTrainer trainer = new QuadraticTrainer(
                net,
                objective,
                new Adam(net.parameters().length, 0.9, 0.999, 1e-8),
                LearningRateSchedule.COSINE,
                0.01,
                steps);
        for (long t = 0; t < steps; t++) {
            assertTrue(trainer.step(), "finite at step " + t);
        }
        double gradNorm = trainer.gradientNorm();
        assertTrue(gradNorm < 1e-9, "stationary: ‖∇L_λ‖ = " + gradNorm);
        QuadraticFeatures f = QuadraticFeatures.at(net, objective);
        double factCosine = Similarity.cosine(f.fact(), f.wtw());
        double agopCosine = Similarity.cosine(f.agop(), f.wtw());
        double sqrtAgopCosine = Similarity.cosine(f.sqrtAgop(), f.wtw());
        assertTrue(factCosine >= 0.999, "cos(FACT, WᵀW) = " + factCosine);
        assertTrue(agopCosine <= 0.15, "cos(AGOP, WᵀW) = " + agopCosine);
        assertTrue(sqrtAgopCosine <= 0.35, "cos(√AGOP, WᵀW) = " + sqrtAgopCosine);
    }

    /**
     * λ = 1e-5 with ℓ = (f − y)²: a single neuron survives, so W has rank one and AGOP ∝ WᵀW; it fits the
     * heavy atom (f(1,1,0,0) ≈ τ).
     */
    @Test
    void printedLambdaGivesTheOneNeuronOptimum() {
        long steps = 200_000;
        QuadraticObjective objective = QuadraticFixtures.objective(1e-5, 0.02, 1, 1e-5);
        QuadraticNetwork net = QuadraticNetwork.initialised(10, 4, 1, new SplittableRandom(7));
        QuadraticTrainer trainer = new QuadraticTrainer(
                net,
                objective,
                new Adam(net.parameters().length, 0.9, 0.999, 1e-8),
                LearningRateSchedule.COSINE,
                0.01,
                steps);
        for (long t = 0; t < steps; t++) {
            trainer.step();
        }
        QuadraticFeatures f = QuadraticFeatures.at(net, objective);
        assertTrue(Similarity.cosine(f.fact(), f.wtw()) >= 0.999);
        assertTrue(Similarity.cosine(f.agop(), f.wtw()) >= 0.999, "AGOP ∝ WᵀW for a rank-one W");
        double[] eigenvalues = SymmetricEigen.of(f.wtw()).values();
        assertTrue(eigenvalues[1] < 1e-6 * eigenvalues[0], "rank one: " + Arrays.toString(eigenvalues));
        assertEquals(0.02, net.output(new double[] {1, 1, 0, 0}), 1e-3);
    }
}
