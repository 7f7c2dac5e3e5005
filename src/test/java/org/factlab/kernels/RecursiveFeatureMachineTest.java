package org.factlab.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecursiveFeatureMachineTest {

    /** 2-sparse parity on {±1/√50}^50 with support {5, 9}: 500 training and 1000 test points. */
    private static final Parity PARITY = Parity.of(new int[] {5, 9}, 500, 1000);

    private record Parity(int[] support, double[][] trainX, double[][] trainY, double[][] testX, double[][] testY) {

        static Parity of(int[] support, int n, int nTest) {
            double[][] x = KernelFixtures.gaussianMatrix(n + nTest, 50, 21);
            double[][] y = new double[n + nTest][1];
            for (int i = 0; i < x.length; i++) {
                double product = 1;
                for (int k = 0; k < 50; k++) {
                    x[i][k] = Math.signum(x[i][k]) / Math.sqrt(50);
                }
                for (int k : support) {
                    product *= x[i][k];
                }
                y[i][0] = product > 0 ? 1 : 0;
            }
            return new Parity(
                    support,
                    Arrays.copyOf(x, n),
                    Arrays.copyOf(y, n),
                    Arrays.copyOfRange(x, n, n + nTest),
                    Arrays.copyOfRange(y, n, n + nTest));
        }
    }

    private static RfmOptions options(FeatureUpdate update, Normalization normalization, Precision precision) {
        return new RfmOptions(KernelFunction.GAUSSIAN, 5, 0, update, 0.5, false, normalization, false, precision);
    }

    /**
     * Diagonal M, one NFA update from M₀ = I on 2-sparse parity: M₁ = Diag(diag(AGOP₀)^{1/2}), the root of the
     * diagonal of the full machine's AGOP (computed whole, d×d), not the diagonal of its root Diag(AGOP₀^{1/2}); and
     * the FACT update gives Diag(|diag(F₀)|).
     */
    @Test
    void diagonalMIsTheRootOfTheDiagonal() {
        for (FeatureUpdate update : new FeatureUpdate[] {FeatureUpdate.NFA, FeatureUpdate.FACT}) {
            RfmOptions full = options(update, Normalization.NONE, Precision.FLOAT64);
            RfmOptions diagonal = new RfmOptions(
                    full.kernel(),
                    full.bandwidth(),
                    full.reg(),
                    update,
                    full.agopPower(),
                    false,
                    Normalization.NONE,
                    true,
                    Precision.FLOAT64);
            try (RecursiveFeatureMachine whole = new RecursiveFeatureMachine(PARITY.trainX(), PARITY.trainY(), full);
                    RecursiveFeatureMachine diag =
                            new RecursiveFeatureMachine(PARITY.trainX(), PARITY.trainY(), diagonal)) {
                whole.fit();
                Features features = whole.features(true, true);
                double[][] agop = Rows.of(features.agopArray());
                double[][] fact = Rows.of(features.factArray());
                double[][] rootThenDiagonal = Rows.of(org.factlab.math.PsdMatrices.power(features.agopArray(), 0.5));
                diag.fit();
                diag.update(diag.featuresForUpdate());
                double[][] m = diag.featureMatrix();
                double largestGap = 0;
                for (int a = 0; a < 50; a++) {
                    double expected = update == FeatureUpdate.NFA ? Math.sqrt(agop[a][a]) : Math.abs(fact[a][a]);
                    assertEquals(expected, m[a][a], 1e-9 * Math.abs(expected) + 1e-15, update + " M₁ " + a);
                    largestGap = Math.max(largestGap, Math.abs(rootThenDiagonal[a][a] - m[a][a]) / m[a][a]);
                    for (int b = 0; b < 50; b++) {
                        assertEquals(0, a == b ? 0 : m[a][b], 0, "off the diagonal");
                    }
                }
                if (update == FeatureUpdate.NFA) {
                    assertTrue(largestGap > 0.1, "the orders differ here: " + largestGap);
                }
            }
        }
    }

    /** §4.3 / Figure 5: NFA-RFM on k = 2 sparse parity (d = 50, n = 500) finds the support and generalises. */
    @Test
    void nfaRfmLearnsSparseParityAndFindsTheSupport() {
        RecursiveFeatureMachine rfm = new RecursiveFeatureMachine(
                PARITY.trainX(), PARITY.trainY(), options(FeatureUpdate.NFA, Normalization.NONE, Precision.FLOAT64));
        rfm.fit();
        assertTrue(testAccuracy(rfm) < 0.9, "the plain kernel machine does not solve it");
        for (int t = 1; t <= 2; t++) {
            rfm.update(rfm.featuresForUpdate());
            rfm.fit();
            assertArrayEquals(PARITY.support(), topDiagonal(rfm.featureMatrix(), 2), "iteration " + t);
        }
        assertEquals(1.0, testAccuracy(rfm));
        assertEquals(1.0, trainAccuracy(rfm));
        assertArrayEquals(PARITY.support(), topDiagonal(rfm.featureMatrix(), 2));
    }

    @Test
    void factGeometricRfmLearnsSparseParity() {
        RecursiveFeatureMachine rfm = new RecursiveFeatureMachine(
                PARITY.trainX(),
                PARITY.trainY(),
                options(FeatureUpdate.FACT_GEOMETRIC, Normalization.TRACE, Precision.FLOAT64));
        for (int t = 0; t < 2; t++) {
            rfm.fit();
            rfm.update(rfm.featuresForUpdate());
        }
        rfm.fit();
        assertEquals(1.0, testAccuracy(rfm));
        assertArrayEquals(PARITY.support(), topDiagonal(rfm.featureMatrix(), 2));
        assertEquals(
                50,
                IntStream.range(0, 50)
                        .mapToDouble(k -> rfm.featureMatrix()[k][k])
                        .sum(),
                1e-9);
    }

    @Test
    void duplicatedPointsWithoutRidgeAreSingular() {
        double[][] x = {{1, 0}, {0, 1}, {1, 0}};
        double[][] y = {{1}, {0}, {1}};
        RecursiveFeatureMachine rfm =
                new RecursiveFeatureMachine(x, y, options(FeatureUpdate.NFA, Normalization.NONE, Precision.FLOAT64));
        KernelMachineException e = assertThrows(KernelMachineException.class, rfm::fit);
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    /** Gaussian: K and the solver workspace; Laplace adds κ; many outputs on few samples add κκ's buffer. */
    @Test
    void memoryEstimateCountsTheSquareBuffers() {
        long n = 10_000;
        RfmOptions gaussian = options(FeatureUpdate.NFA, Normalization.NONE, Precision.FLOAT64);
        long estimate = RecursiveFeatureMachine.estimateBytes(n, 1000, 50, 1, gaussian);
        assertTrue(estimate >= 2 * n * n * 8 && estimate < 3 * n * n * 8, "estimate " + estimate);
        RfmOptions laplace = new RfmOptions(
                KernelFunction.LAPLACE,
                1,
                0,
                FeatureUpdate.NFA,
                0.5,
                false,
                Normalization.NONE,
                false,
                Precision.FLOAT64);
        assertTrue(RecursiveFeatureMachine.estimateBytes(n, 1000, 50, 1, laplace) >= 3 * n * n * 8);
        assertTrue(RecursiveFeatureMachine.estimateBytes(1000, 1000, 100, 100, laplace) >= 4 * 1000 * 1000 * 8);
        RfmOptions float32 = options(FeatureUpdate.NFA, Normalization.NONE, Precision.FLOAT32);
        assertEquals(estimate / 2, RecursiveFeatureMachine.estimateBytes(n, 1000, 50, 1, float32), estimate / 10.0);
    }

    private static double testAccuracy(RecursiveFeatureMachine rfm) {
        return accuracy(rfm.predict(PARITY.testX()), PARITY.testY());
    }

    private static double trainAccuracy(RecursiveFeatureMachine rfm) {
        return accuracy(rfm.trainPredictions(), PARITY.trainY());
    }

    private static double accuracy(double[][] predictions, double[][] labels) {
        long correct = IntStream.range(0, labels.length)
                .filter(i -> (predictions[i][0] >= 0.5 ? 1 : 0) == labels[i][0])
                .count();
        return correct / (double) labels.length;
    }

    private static int[] topDiagonal(double[][] m, int k) {
        int[] top = IntStream.range(0, m.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> m[i][i]).reversed())
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
        Arrays.sort(top);
        return top;
    }
}
