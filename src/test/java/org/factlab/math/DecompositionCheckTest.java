package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The guards' residuals on decompositions built exactly (orthonormal factors from Gram–Schmidt, the matrix multiplied
 * out in Java): round-off for the right factors in either storage order, far above the bound for one changed entry,
 * NaN (no verdict) for a non-finite matrix.
 */
class DecompositionCheckTest {

    @Test
    void eigenResidualIsRoundOffForTheRightFactorsAndLargeForAWrongEntry() {
        int n = 40;
        double[][] v = OrthonormalColumns.of(n, n, new Random(1));
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            lambda[k] = k - 10.5;
        }
        double[][] a = multiply(v, lambda, v);
        for (char order : new char[] {'f', 'c'}) {
            INDArray vectors = Nd4j.create(v).castTo(DataType.DOUBLE).dup(order);
            double residual = DecompositionCheck.eigenResidual(Nd4j.create(a), Nd4j.create(lambda), vectors);
            assertTrue(residual < 1e-14, order + ": " + residual);
            vectors.putScalar(n - 1, n - 1, vectors.getDouble(n - 1, n - 1) + 1e-6);
            double wrong = DecompositionCheck.eigenResidual(Nd4j.create(a), Nd4j.create(lambda), vectors);
            assertTrue(wrong > 1e3 * DecompositionCheck.decompositionBound(n), order + ": " + wrong);
            assertThrows(
                    WrongArithmeticException.class,
                    () -> DecompositionCheck.eigen("dsyevd", Nd4j.create(a), Nd4j.create(lambda), vectors));
        }
        a[3][4] = Double.NaN;
        assertTrue(Double.isNaN(DecompositionCheck.eigenResidual(
                Nd4j.create(a), Nd4j.create(lambda), Nd4j.create(v).dup('f'))));
    }

    @Test
    void svdResidualIsRoundOffForTheRightFactorsOfAWideAndATallMatrix() {
        for (int[] shape : new int[][] {{7, 12}, {12, 7}}) {
            int m = shape[0];
            int n = shape[1];
            int k = Math.min(m, n);
            double[][] u = OrthonormalColumns.of(m, k, new Random(2));
            double[][] v = OrthonormalColumns.of(n, k, new Random(3));
            double[] sigma = new double[k];
            for (int r = 0; r < k; r++) {
                sigma[r] = 5.0 / (r + 1);
            }
            double[][] a = multiply(u, sigma, v);
            INDArray vt = Nd4j.create(transpose(v)).dup('f');
            INDArray uf = Nd4j.create(u).dup('f');
            double residual = DecompositionCheck.svdResidual(Nd4j.create(a), uf, Nd4j.create(sigma), vt);
            assertTrue(residual < 1e-14, m + "×" + n + ": " + residual);
            uf.putScalar(0, 0, uf.getDouble(0, 0) + 1e-6);
            double wrong = DecompositionCheck.svdResidual(Nd4j.create(a), uf, Nd4j.create(sigma), vt);
            assertTrue(wrong > 1e3 * DecompositionCheck.decompositionBound(Math.max(m, n)), m + "×" + n + ": " + wrong);
        }
    }

    /** U diag(s) Vᵀ. */
    private static double[][] multiply(double[][] u, double[] s, double[][] v) {
        double[][] out = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                for (int k = 0; k < s.length; k++) {
                    out[i][j] += u[i][k] * s[k] * v[j][k];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }
}
