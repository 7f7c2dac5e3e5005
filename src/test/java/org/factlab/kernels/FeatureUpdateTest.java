package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.matrix;
import static org.factlab.kernels.KernelFixtures.maxAbsDifference;
import static org.factlab.kernels.KernelFixtures.spd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factlab.math.PsdMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureUpdateTest {

    private static final double[][] DIAGONAL_M = {{0.5, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 1e-3, 0}, {0, 0, 0, 3}};

    /** Every update leaves M fixed when F = M (FACT) or AGOP = M^{1/s} (NFA); also with diagonal-only M. */
    @ParameterizedTest
    @EnumSource(FeatureUpdate.class)
    void fixedPointsStayFixed(FeatureUpdate update) {
        double s = 0.5;
        for (boolean diagonal : new boolean[] {false, true}) {
            INDArray m = matrix(diagonal ? DIAGONAL_M : spd(6, 1));
            INDArray agop = PsdMatrices.power(m, 1 / s);
            INDArray next = update.next(m, agop, m.dup(), s, diagonal);
            assertTrue(maxAbsDifference(Rows.of(m), Rows.of(next)) < 1e-10, update + " diagonal=" + diagonal);
        }
    }

    /**
     * Diagonal-only M keeps the diagonal of the root for every update: with A = Q Λ Qᵀ, F = Q Λ Pᵀ (Q, P
     * rotations) and M = I, AGOP^{1/2} = Q Λ^{1/2} Qᵀ, (F Fᵀ)^{1/2} = Q Λ Qᵀ and ((F M)(F M)ᵀ)^{1/4} = Q Λ^{1/2} Qᵀ,
     * whose diagonals differ from the roots of the diagonals (Diag(A)^{1/2}, Diag(F Fᵀ)^{1/2}, Diag(F Fᵀ)^{1/4}).
     */
    @ParameterizedTest
    @EnumSource(value = FeatureUpdate.class, names = {"NFA", "FACT", "FACT_GEOMETRIC"})
    void diagonalMIsTheDiagonalOfTheRoot(FeatureUpdate update) {
        double[][] q = rotation(0.4, 0.9);
        double[][] p = rotation(-1.1, 0.3);
        double[] lambda = {4, 1, 0.25};
        INDArray agop = matrix(reassemble(q, lambda));
        INDArray f = matrix(product(q, lambda, p));
        double power = update == FeatureUpdate.FACT ? 1 : 0.5;
        double[][] expected = reassemble(q, java.util.Arrays.stream(lambda).map(v -> Math.pow(v, power)).toArray());
        double[][] next = Rows.of(update.next(matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), agop, f, 0.5,
                true));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? expected[i][i] : 0, next[i][j], 1e-12, update + " (" + i + ", " + j + ")");
            }
            boolean squared = update != FeatureUpdate.NFA;
            double diagonalEntry = 0;
            for (int k = 0; k < 3; k++) {
                diagonalEntry += q[i][k] * q[i][k] * (squared ? lambda[k] * lambda[k] : lambda[k]);
            }
            double rootOfDiagonal = Math.pow(diagonalEntry, update == FeatureUpdate.FACT_GEOMETRIC ? 0.25 : 0.5);
            assertTrue(Math.abs(rootOfDiagonal - next[i][i]) > 1e-3, "differs from the root of the diagonal");
        }
    }

    /** A rotation of ℝ³: about z by a, then about x by b. */
    private static double[][] rotation(double a, double b) {
        double[][] z = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] x = {{1, 0, 0}, {0, Math.cos(b), -Math.sin(b)}, {0, Math.sin(b), Math.cos(b)}};
        return Rows.of(matrix(z).mmul(matrix(x)));
    }

    /** Q diag(λ) Pᵀ. */
    private static double[][] product(double[][] q, double[] lambda, double[][] p) {
        double[][] out = new double[q.length][q.length];
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < q.length; j++) {
                for (int k = 0; k < lambda.length; k++) {
                    out[i][j] += q[i][k] * lambda[k] * p[j][k];
                }
            }
        }
        return out;
    }

    @Test
    void nfaWithAnotherPowerHasItsOwnFixedPoint() {
        INDArray m = matrix(spd(5, 2));
        INDArray next = FeatureUpdate.NFA.next(m, PsdMatrices.power(m, 3), null, 1.0 / 3, false);
        assertTrue(maxAbsDifference(Rows.of(m), Rows.of(next)) < 1e-10);
    }

    /** AGOPˢ of A = Q diag(9, 4, 0) Qᵀ (Q a rotation) is Q diag(9ˢ, 4ˢ, 0) Qᵀ; round-off negatives clip to 0. */
    @Test
    void psdPowerOfAKnownMatrix() {
        double c = Math.cos(0.3);
        double sn = Math.sin(0.3);
        double[][] q = {{c, -sn, 0}, {sn, c, 0}, {0, 0, 1}};
        double[][] a = reassemble(q, new double[] {9, 4, -1e-14});
        double[][] expectedSqrt = reassemble(q, new double[] {3, 2, 0});
        double[][] expectedPower = reassemble(q, new double[] {Math.pow(9, 0.7), Math.pow(4, 0.7), 0});
        assertTrue(maxAbsDifference(expectedSqrt, Rows.of(PsdMatrices.power(matrix(a), 0.5))) < 1e-12);
        assertTrue(maxAbsDifference(expectedPower, Rows.of(PsdMatrices.power(matrix(a), 0.7))) < 1e-12);
    }

    /** (F Fᵀ)^{1/2} from the SVD of a non-symmetric F squares back to F Fᵀ. */
    @Test
    void leftPolarRootSquaresBack() {
        INDArray f = matrix(gaussianMatrix(5, 5, 3));
        INDArray root = PsdMatrices.leftPolarPower(f, 1);
        assertTrue(maxAbsDifference(Rows.of(f.mmul(f.transpose())), Rows.of(root.mmul(root))) < 1e-10);
        INDArray quarter = PsdMatrices.leftPolarPower(f, 0.5);
        assertTrue(maxAbsDifference(Rows.of(root), Rows.of(quarter.mmul(quarter))) < 1e-10);
    }

    @Test
    void geometricUpdateIsTheFourthRootOfFMMF() {
        INDArray m = matrix(spd(4, 4));
        INDArray f = matrix(gaussianMatrix(4, 4, 5));
        INDArray next = FeatureUpdate.FACT_GEOMETRIC.next(m, null, f, 0.5, false);
        INDArray fourth = next.mmul(next).mmul(next).mmul(next);
        INDArray fm = f.mmul(m);
        assertTrue(maxAbsDifference(Rows.of(fm.mmul(fm.transpose())), Rows.of(fourth)) < 1e-9);
    }

    @Test
    void normalisationsGiveMTheSizeOfTheIdentity() {
        double[][] m = spd(6, 6);
        assertEquals(6, SquareMatrices.trace(Normalization.TRACE.apply(matrix(m))), 1e-12);
        assertEquals(Math.sqrt(6), Normalization.FRO.apply(matrix(m)).norm2Number().doubleValue(), 1e-12);
        assertEquals(1, Normalization.MAX.apply(matrix(m)).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0, maxAbsDifference(m, Rows.of(Normalization.NONE.apply(matrix(m)))), 0);
        assertThrows(KernelMachineException.class, () -> Normalization.TRACE.apply(Nd4j.zeros(DataType.DOUBLE, 3, 3)));
    }

    private static double[][] reassemble(double[][] q, double[] values) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    out[i][j] += q[i][k] * values[k] * q[j][k];
                }
            }
        }
        return out;
    }
}
