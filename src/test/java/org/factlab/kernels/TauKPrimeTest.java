package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TauKPrimeTest {

    @Test
    void proportionalPairsFitExactly() {
        TauKPrime fit = TauKPrime.fit(new double[] {1, 2, 3, 4}, new double[] {0.5, 1, 1.5, 2});
        assertEquals(0.5, fit.slope(), 1e-15);
        assertEquals(1, fit.r2(), 1e-15);
        assertEquals(1, fit.pearson(), 1e-15);
    }

    @Test
    void fitIsLeastSquaresThroughTheOrigin() {
        TauKPrime fit = TauKPrime.fit(new double[] {1, 2}, new double[] {1, 3});
        assertEquals(7.0 / 5, fit.slope(), 1e-15);
        double residual = Math.pow(1 - 1.4, 2) + Math.pow(3 - 2.8, 2);
        assertEquals(1 - residual / 10, fit.r2(), 1e-15);
    }

    /** τ(xᵢ, xⱼ) = (1/n) Σₗ κₗᵢ κₗⱼ and k′ = κᵢⱼ of the sampled pairs, i ≠ j. */
    @Test
    void sampledPairsMatchTheDefinition() {
        int n = 30;
        INDArray x = matrix(gaussianMatrix(n, 4, 1));
        INDArray k = Nd4j.create(DataType.DOUBLE, n, n);
        GradientFactors kappa = MahalanobisKernel.compute(
                x, x, Nd4j.eye(4).castTo(DataType.DOUBLE), KernelFunction.GAUSSIAN, 2, true, k, null);
        TauKPrime sample = TauKPrime.sample(kappa, 200, 7);
        double[][] kp = Rows.of(kappa.matrix().mul(kappa.scale()));
        for (int p = 0; p < 200; p++) {
            int i = -1;
            int j = -1;
            for (int a = 0; a < n && i < 0; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b && kp[a][b] == sample.kPrime()[p]) {
                        i = a;
                        j = b;
                        break;
                    }
                }
            }
            assertNotEquals(-1, i, "k′ of pair " + p + " is an off-diagonal entry of κ");
            double tau = 0;
            for (int l = 0; l < n; l++) {
                tau += kp[l][i] * kp[l][j] / n;
            }
            assertEquals(tau, sample.tau()[p], 1e-15);
        }
        assertEquals(sample.slope(), TauKPrime.sample(kappa, 200, 7).slope(), 0.0);
    }
}
