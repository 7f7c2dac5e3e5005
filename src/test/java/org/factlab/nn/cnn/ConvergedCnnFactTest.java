package org.factlab.nn.cnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.factlab.math.Similarity;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Lbfgs;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.ProbeResult;
import org.junit.jupiter.api.Test;

/**
 * Patch FACT (docs/science.md, "Convolutional layers"): a small tanh CNN with padding and stride 2, driven by
 * L-BFGS to a critical point of L_λ in float64, has −(1/(nλ)) Σᵢ Σ_p (∂ℓᵢ/∂x_i[p]) x_i[p]ᵀ = WᵀW for its convolution;
 * at the random initialisation it does not. Smooth on purpose: max-pooling, like ReLU, has kinks where an optimum
 * can sit (L-BFGS then stalls at ‖∇L_λ‖ ≈ 1e-3 with pooling here).
 */
class ConvergedCnnFactTest {

    @Test
    void patchFactEqualsWtwAtACriticalPoint() {
        CnnArchitecture arch =
                new CnnArchitecture(1, 6, 6, List.of(new ConvLayer(3, 3, 2, 1, false)), List.of(), 2, Activation.TANH);
        double lambda = 1e-2;
        double[][] images = images(12, arch.inputDim(), 3);
        double[][] targets = new double[12][2];
        for (int i = 0; i < 12; i++) {
            targets[i][i % 2] = 1;
        }
        double[] theta = arch.initialParameters(new SplittableRandom(5));
        CnnProbe probe =
                new CnnProbe(arch, CnnGradientTest.matrix(images), CnnGradientTest.matrix(targets), 5, Loss.MSE);
        double initialError = probe.probe(theta, lambda).layer(0).forward().factRelativeError();

        FullBatchCnnObjective objective = new FullBatchCnnObjective(
                arch, CnnGradientTest.matrix(images), CnnGradientTest.matrix(targets), Loss.MSE, lambda);
        double gradientNorm = Lbfgs.minimise(objective, theta, 1e-11, 20_000);
        ProbeResult result = probe.probe(theta, lambda);
        var convolution = result.layer(0).forward();
        double error = convolution.factRelativeError();

        assertTrue(gradientNorm < 1e-9, "‖∇L_λ‖ = " + gradientNorm);
        assertTrue(result.gradientNorm(0) < 1e-9, "‖∇_W L_λ‖ of the convolution = " + result.gradientNorm(0));
        assertTrue(error < 1e-3, "patch-FACT relerr " + error);
        assertTrue(initialError > 0.1, "at initialisation relerr " + initialError);
        assertTrue(Similarity.pearson(convolution.fact(), convolution.reference()) > 1 - 1e-6);
    }

    private static double[][] images(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return x;
    }
}
