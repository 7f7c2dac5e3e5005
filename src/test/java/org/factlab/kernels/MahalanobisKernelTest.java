package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.matrix;
import static org.factlab.kernels.KernelFixtures.spd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MahalanobisKernelTest {

    private static final double L = 1.7;

    @ParameterizedTest
    @EnumSource(KernelFunction.class)
    void valuesMatchTheDefinitionForFullAndDiagonalM(KernelFunction kernel) {
        double[][] x = gaussianMatrix(7, 4, 1);
        double[][] z = gaussianMatrix(5, 4, 2);
        double[][] full = spd(4, 3);
        double[][] diagonal = {{0.5, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 1.5}};
        for (double[][] m : new double[][][] {full, diagonal}) {
            INDArray k = Nd4j.create(DataType.DOUBLE, 7, 5);
            MahalanobisKernel.compute(matrix(x), matrix(z), matrix(m), kernel, L, false, k, null);
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 5; j++) {
                    assertEquals(KernelFixtures.kernel(kernel, x[i], z[j], m, L), k.getDouble(i, j), 1e-12);
                }
            }
        }
    }

    /**
     * ∇ₓK(x, z) = −κ M (x − z) (radial kernels) and κ M z (the inner-product kernel) against central differences of
     * the kernel value.
     */
    @ParameterizedTest
    @EnumSource(KernelFunction.class)
    void gradientFactorGivesTheGradient(KernelFunction kernel) {
        double[][] x = gaussianMatrix(3, 4, 4);
        double[][] z = gaussianMatrix(6, 4, 5);
        double[][] m = spd(4, 6);
        INDArray k = Nd4j.create(DataType.DOUBLE, 3, 6);
        GradientFactors kappa = MahalanobisKernel.compute(
                matrix(x), matrix(z), matrix(m), kernel, L, false, k, Nd4j.create(DataType.DOUBLE, 3, 6));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 6; j++) {
                double[] zj = z[j];
                double[] numeric = KernelFixtures.finiteDifferenceGradient(
                        p -> KernelFixtures.kernel(kernel, p, zj, m, L), x[i], 1e-6);
                for (int a = 0; a < 4; a++) {
                    double closed = 0;
                    for (int b = 0; b < 4; b++) {
                        double direction = kernel.radial() ? zj[b] - x[i][b] : zj[b];
                        closed += kappa.scale() * kappa.matrix().getDouble(i, j) * m[a][b] * direction;
                    }
                    assertEquals(numeric[a], closed, 1e-8, "pair " + i + "," + j + " coordinate " + a);
                }
            }
        }
    }

    /** X against itself: distances exactly 0 on the diagonal, so K = 1 and the Laplace κ = 0 there. */
    @ParameterizedTest
    @EnumSource(
            value = KernelFunction.class,
            names = {"LAPLACE", "GAUSSIAN"})
    void selfDistancesAreExactlyZero(KernelFunction kernel) {
        double[][] x = gaussianMatrix(40, 6, 7);
        INDArray xs = matrix(x);
        INDArray k = Nd4j.create(DataType.DOUBLE, 40, 40);
        GradientFactors kappa = MahalanobisKernel.compute(
                xs, xs, matrix(spd(6, 8)), kernel, L, true, k, Nd4j.create(DataType.DOUBLE, 40, 40));
        for (int i = 0; i < 40; i++) {
            assertEquals(1.0, k.getDouble(i, i), 0.0);
            double expectedKappa = kernel == KernelFunction.LAPLACE ? 0 : 1 / (L * L);
            assertEquals(expectedKappa, kappa.scale() * kappa.matrix().getDouble(i, i), 0.0);
        }
        assertEquals(0.0, k.sub(k.transpose()).amaxNumber().doubleValue(), 1e-15);
    }

    @Test
    void float32AgreesWithFloat64() {
        double[][] x = gaussianMatrix(30, 5, 9);
        double[][] m = spd(5, 10);
        INDArray k64 = Nd4j.create(DataType.DOUBLE, 30, 30);
        INDArray k32 = Nd4j.create(DataType.FLOAT, 30, 30);
        INDArray x32 = matrix(x).castTo(DataType.FLOAT);
        MahalanobisKernel.compute(matrix(x), matrix(x), matrix(m), KernelFunction.GAUSSIAN, 3, true, k64, null);
        MahalanobisKernel.compute(
                x32, x32, matrix(m).castTo(DataType.FLOAT), KernelFunction.GAUSSIAN, 3, true, k32, null);
        assertEquals(0.0, k64.sub(k32.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
    }

    /**
     * The training-set kernel and κ written by strips into their upper triangles equal the whole-matrix computation
     * there, and the completed κ is symmetric and equal to it, across a strip boundary (n = 600 > 512 rows per strip),
     * with duplicated rows in different strips (the Laplace kernel's zero distances: K = 1, κ = 0).
     */
    @ParameterizedTest
    @EnumSource(KernelFunction.class)
    void symmetricKernelEqualsTheWholeComputation(KernelFunction kernel) {
        int n = 600;
        double[][] rows = gaussianMatrix(n, 6, 11);
        rows[590] = rows[10].clone();
        rows[599] = rows[598].clone();
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray x = matrix(rows).muli(0.4).castTo(type);
            INDArray m = matrix(spd(6, 12)).castTo(type);
            boolean buffer = kernel.needsKappaBuffer();
            INDArray whole = Nd4j.create(type, n, n);
            GradientFactors reference =
                    MahalanobisKernel.compute(x, x, m, kernel, L, true, whole, buffer ? Nd4j.create(type, n, n) : null);
            INDArray upper = Nd4j.valueArrayOf(new long[] {n, n}, Double.NaN, type);
            INDArray kappa = buffer ? Nd4j.valueArrayOf(new long[] {n, n}, Double.NaN, type) : null;
            GradientFactors strips = MahalanobisKernel.symmetric(x, m, kernel, L, upper, kappa);
            double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
            for (int i = 0; i < n; i += 7) {
                for (int j = i; j < n; j += 3) {
                    double expected = whole.getDouble(i, j);
                    assertEquals(expected, upper.getDouble(i, j), tolerance * Math.abs(expected), i + ", " + j);
                }
            }
            if (kernel.radial()) {
                assertEquals(1.0, upper.getDouble(10, 590), tolerance, "a duplicated row is at distance 0");
            }
            assertTrue(strips.upperOnly());
            assertEquals(reference.scale(), strips.scale(), 0.0);
            assertEquals(reference.radial(), strips.radial());
            INDArray full = strips.whole().matrix();
            INDArray referenceKappa = reference.matrix();
            assertEquals(0.0, full.distance2(full.transpose()), 0.0);
            assertEquals(
                    0.0,
                    referenceKappa.distance2(full)
                            / referenceKappa.norm2Number().doubleValue(),
                    tolerance);
            if (buffer) {
                assertEquals(0.0, full.getDouble(10, 590), 0.0, "κ at a zero distance is the subgradient 0");
                assertEquals(0.0, full.getDouble(599, 598), 0.0);
            }
        }
    }
}
