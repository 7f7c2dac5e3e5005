package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatricesTest {

    @Test
    void frobeniusNormAndRelativeError() {
        double[][] ref = {{3, 0}, {0, 4}};
        assertEquals(5, Matrices.frobeniusNorm(ref), 0);
        double[][] a = {{3, 1}, {0, 4}};
        assertEquals(0.2, Matrices.relativeError(a, ref), 1e-16);
    }

    @Test
    void symmetrizeMultiplyAndExport() {
        double[][] a = {{1, 2}, {4, 3}};
        assertArrayEquals(new double[] {1, 3}, Matrices.symmetrize(a)[0], 0);
        double[][] product = Matrices.multiply(a, new double[][] {{1}, {1}});
        assertArrayEquals(new double[] {3}, product[0], 0);
        assertArrayEquals(new double[] {7}, product[1], 0);
        assertArrayEquals(new float[] {1, 2, 4, 3}, Matrices.toFloatRowMajor(a), 0);
    }
}
