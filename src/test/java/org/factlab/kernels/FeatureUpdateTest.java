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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureUpdateTest {

    private static final double[][] DIAGONAL_M = {{0.5, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 1e-3, 0}, {0, 0, 0, 3}};

    /**
     * Every update leaves M fixed when F = M (FACT) or AGOP = M^{1/s} (NFA); with diagonal-only M when diag(F) =
     * diag(M), respectively diag(AGOP) = diag(M)^{1/s}.
     */
    @ParameterizedTest
    @EnumSource(FeatureUpdate.class)
    void fixedPointsStayFixed(FeatureUpdate update) {
        double s = 0.5;
        INDArray m = matrix(spd(6, 1));
        INDArray next = update.next(m, PsdMatrices.power(m, 1 / s), m.dup(), s, FeatureShape.FULL);
        assertTrue(maxAbsDifference(Rows.of(m), Rows.of(next)) < 1e-10, update.id());
        INDArray diagonalM = matrix(DIAGONAL_M);
        INDArray diagonal = matrix(new double[][] {{0.5, 2, 1e-3, 3}});
        INDArray nextDiagonal =
                update.next(diagonalM, diagonal.mul(diagonal), diagonal.dup(), s, FeatureShape.DIAGONAL);
        assertTrue(maxAbsDifference(DIAGONAL_M, Rows.of(nextDiagonal)) < 1e-12, update.id() + ", diagonal");
    }

    /**
     * Diagonal M takes the diagonal first and the power entry by entry (the RFM reference's {@code diag=True};
     * FACT's stationarity for a diagonal W is M = Diag(F)), by hand: diag(AGOP) = (4, 9, 0.25) with s = 1/2 gives
     * M = Diag(2, 3, 0.5); diag(F) = (−2, 3, 0.5) gives Diag(2, 3, 0.5) for FACT and, with M = Diag(2, 3, 8),
     * Diag(|−2·2|^{1/2}, |3·3|^{1/2}, |0.5·8|^{1/2}) = Diag(2, 3, 2) for FACT-geometric.
     */
    @ParameterizedTest
    @CsvSource({"NFA, 2, 3, 0.5", "FACT, 2, 3, 0.5", "FACT_GEOMETRIC, 2, 3, 2"})
    void diagonalMTakesTheDiagonalFirst(FeatureUpdate update, double m0, double m1, double m2) {
        INDArray m = matrix(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 8}});
        INDArray agop = matrix(new double[][] {{4, 9, 0.25}});
        INDArray f = matrix(new double[][] {{-2, 3, 0.5}});
        double[][] next = Rows.of(update.next(m, agop, f, 0.5, FeatureShape.DIAGONAL));
        double[] expected = {m0, m1, m2};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? expected[i] : 0, next[i][j], 1e-12, update + " (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void nfaWithAnotherPowerHasItsOwnFixedPoint() {
        INDArray m = matrix(spd(5, 2));
        INDArray next = FeatureUpdate.NFA.next(m, PsdMatrices.power(m, 3), null, 1.0 / 3, FeatureShape.FULL);
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
        INDArray next = FeatureUpdate.FACT_GEOMETRIC.next(m, null, f, 0.5, FeatureShape.FULL);
        INDArray fourth = next.mmul(next).mmul(next).mmul(next);
        INDArray fm = f.mmul(m);
        assertTrue(maxAbsDifference(Rows.of(fm.mmul(fm.transpose())), Rows.of(fourth)) < 1e-9);
    }

    @Test
    void normalisationsGiveMTheSizeOfTheIdentity() {
        double[][] m = spd(6, 6);
        assertEquals(6, SquareMatrices.trace(Normalization.TRACE.apply(matrix(m))), 1e-12);
        assertEquals(
                Math.sqrt(6), Normalization.FRO.apply(matrix(m)).norm2Number().doubleValue(), 1e-12);
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
