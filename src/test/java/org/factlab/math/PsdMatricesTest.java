package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PsdMatricesTest {

    /** B Bᵀ for a random 5×3 B: PSD of rank 3 in 5 dimensions. */
    private static double[][] randomPsd(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[5][3];
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return Matrices.multiply(b, Matrices.transpose(b));
    }

    @Test
    void sqrtSquaredGivesBackTheMatrix() {
        double[][] a = randomPsd(1);
        double[][] root = PsdMatrices.sqrt(a);
        assertTrue(Matrices.relativeError(Matrices.multiply(root, root), a) < 1e-13);
        assertTrue(Matrices.relativeError(root, Matrices.transpose(root)) < 1e-15, "root is symmetric");
    }

    @Test
    void sqrtOfDiagonalIsEntrywise() {
        double[][] root = PsdMatrices.sqrt(new double[][] {{4, 0, 0}, {0, 9, 0}, {0, 0, 0}});
        assertArrayEquals(new double[] {2, 0, 0}, root[0], 1e-15);
        assertArrayEquals(new double[] {0, 3, 0}, root[1], 1e-15);
        assertArrayEquals(new double[] {0, 0, 0}, root[2], 1e-15);
    }

    @Test
    void negativeEigenvaluesAreClippedToZero() {
        // eigenvalues 3 (vector (1,1)/√2) and −1 (vector (1,−1)/√2): √ keeps √3 · vvᵀ only
        double[][] a = {{1, 2}, {2, 1}};
        double[][] root = PsdMatrices.sqrt(a);
        double h = Math.sqrt(3) / 2;
        assertArrayEquals(new double[] {h, h}, root[0], 1e-14);
        assertArrayEquals(new double[] {h, h}, root[1], 1e-14);
    }

    @Test
    void powerOneHalfIsSqrtAndPowerOneIsTheMatrix() {
        double[][] a = randomPsd(2);
        assertTrue(Matrices.relativeError(PsdMatrices.power(a, 0.5), PsdMatrices.sqrt(a)) < 1e-14);
        assertTrue(Matrices.relativeError(PsdMatrices.power(a, 1), a) < 1e-13);
        double[][] third = PsdMatrices.power(a, 1.0 / 3);
        assertTrue(Matrices.relativeError(Matrices.multiply(third, Matrices.multiply(third, third)), a) < 1e-12);
    }

    @Test
    void eigenDecompositionIsOrthonormalAndSorted() {
        double[][] a = {{2, -1, 0, 0.5}, {-1, 2, -1, 0}, {0, -1, 2, -1}, {0.5, 0, -1, 2}};
        SymmetricEigen e = SymmetricEigen.of(a);
        assertTrue(Matrices.relativeError(e.reassemble(l -> l), a) < 1e-14);
        double[][] v = e.vectors();
        double[][] vtv = Matrices.multiply(Matrices.transpose(v), v);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? 1 : 0, vtv[i][j], 1e-14);
            }
        }
        for (int i = 1; i < 4; i++) {
            assertTrue(e.values()[i - 1] >= e.values()[i]);
        }
        double trace = 8;
        assertEquals(trace, e.values()[0] + e.values()[1] + e.values()[2] + e.values()[3], 1e-13);
    }
}
