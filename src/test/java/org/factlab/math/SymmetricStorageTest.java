package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gateway's operations on symmetric matrices stored by their upper triangle (the RFM's training-set kernel):
 * each against a plain computation on the whole matrix, with NaN in the entries they must not read.
 */
class SymmetricStorageTest {

    enum Precision {
        FLOAT64(DataType.DOUBLE, 1e-12),
        FLOAT32(DataType.FLOAT, 1e-5);

        final DataType type;
        final double tolerance;

        Precision(DataType type, double tolerance) {
            this.type = type;
            this.tolerance = tolerance;
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void stripsHoldTheTransformedProductFromEachStripsDiagonalOn(Precision p) {
        int n = 37;
        int strip = 8;
        INDArray left = random(n, 5, 1, p.type).muli(0.3);
        INDArray right = random(n, 5, 2, p.type).muli(0.3);
        INDArray product =
                left.castTo(DataType.DOUBLE).mmul(right.castTo(DataType.DOUBLE).transpose());
        INDArray out = Nd4j.valueArrayOf(new long[] {n, n}, Double.NaN, p.type);
        INDArray second = Nd4j.valueArrayOf(new long[] {n, n}, Double.NaN, p.type);
        // out: exp of the entry, −3 on the diagonal; second: the column index
        SymmetricStorage.upperProductByRows(
                left,
                right,
                strip,
                (i, from, values, columns, width) -> {
                    values[i - from] = -3;
                    ExpInPlace.apply(values, width);
                    for (int q = 0; q < width; q++) {
                        columns[q] = from + q;
                    }
                },
                out,
                second);
        for (int i = 0; i < n; i++) {
            int from = i / strip * strip;
            for (int j = 0; j < n; j++) {
                double got = out.getDouble(i, j);
                if (j < from) {
                    assertTrue(Double.isNaN(got), "entry (" + i + ", " + j + ") left of the strip was written");
                    assertTrue(Double.isNaN(second.getDouble(i, j)));
                } else {
                    double expected = StrictMath.exp(i == j ? -3 : product.getDouble(i, j));
                    assertEquals(expected, got, expected * p.tolerance * 10, "entry (" + i + ", " + j + ")");
                    assertEquals(j, second.getDouble(i, j), 0.0);
                }
            }
        }
    }

    /** Both paths (vectorised when surefire passes the module, as the build does; Math.exp) at every tail length. */
    @org.junit.jupiter.api.Test
    void expInPlaceIsTheExponentialOnEveryPathAndLength() {
        assertTrue(ExpInPlace.VECTORISED, "the build runs tests with --add-modules jdk.incubator.vector");
        double[] x = {0, -1e-17, 1, -1, -30.5, 80, -700, -746, 710, Double.NEGATIVE_INFINITY, Double.NaN, 2.5, -0.1};
        for (int length = 0; length <= x.length; length++) {
            for (boolean vectorised : new boolean[] {true, false}) {
                double[] values = x.clone();
                if (vectorised) {
                    ExpInPlace.apply(values, length);
                } else {
                    ExpInPlace.scalar(values, length);
                }
                for (int i = 0; i < x.length; i++) {
                    double expected = i < length ? StrictMath.exp(x[i]) : x[i];
                    if (Double.isNaN(expected)) {
                        assertTrue(Double.isNaN(values[i]), "exp(" + x[i] + ")");
                    } else {
                        // within 1 ulp of the correctly rounded value
                        assertEquals(
                                expected, values[i], Math.ulp(expected), "exp(" + x[i] + "), vectorised " + vectorised);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void symmetricProductNormAndCopyReadOnlyTheUpperTriangle(Precision p) {
        int n = 70;
        INDArray symmetric = symmetric(n, 3, p.type);
        INDArray upper = withNanBelowDiagonal(symmetric);
        for (int columns : new int[] {1, 3, 9}) { // one ?symv per column up to 4, ?symm beyond
            INDArray b = random(n, columns, 4, p.type);
            INDArray product = SymmetricStorage.symmetricProduct(upper, b);
            INDArray expected = symmetric.castTo(DataType.DOUBLE).mmul(b.castTo(DataType.DOUBLE));
            double error = expected.distance2(product.castTo(DataType.DOUBLE))
                    / expected.norm2Number().doubleValue();
            assertEquals(0, error, p.tolerance, columns + " columns");
        }

        double norm = symmetric.castTo(DataType.DOUBLE).norm2Number().doubleValue();
        assertEquals(norm, SymmetricStorage.upperFrobeniusNorm(upper), norm * p.tolerance);
        assertTrue(SymmetricStorage.upperFinite(upper));

        INDArray target = Nd4j.valueArrayOf(new long[] {n, n}, 7.0, p.type);
        SymmetricStorage.copyUpper(upper, target);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(j >= i ? symmetric.getDouble(i, j) : 7.0, target.getDouble(i, j), 0.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void upperFiniteFindsANonFiniteEntryInTheUpperTriangle(Precision p) {
        INDArray upper = withNanBelowDiagonal(symmetric(20, 5, p.type));
        upper.putScalar(3, 17, Double.POSITIVE_INFINITY);
        assertFalse(SymmetricStorage.upperFinite(upper));
        assertEquals(Double.POSITIVE_INFINITY, SymmetricStorage.upperFrobeniusNorm(upper));
    }

    @org.junit.jupiter.api.Test
    void upperNormDoesNotOverflowBeforeTheNormDoes() {
        INDArray huge = symmetric(30, 6, DataType.DOUBLE).muli(1e200);
        double expected = huge.div(1e200).norm2Number().doubleValue() * 1e200;
        assertEquals(expected, SymmetricStorage.upperFrobeniusNorm(withNanBelowDiagonal(huge)), expected * 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void mirrorUpperRestoresTheSymmetricMatrix(Precision p) {
        int n = 150; // not a multiple of the tile size
        INDArray symmetric = symmetric(n, 7, p.type);
        INDArray a = withNanBelowDiagonal(symmetric);
        SymmetricStorage.mirrorUpper(a);
        assertEquals(0.0, a.distance2(symmetric), 0.0);
    }

    private static INDArray random(int rows, int cols, long seed, DataType type) {
        Random random = new Random(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE).castTo(type);
    }

    private static INDArray symmetric(int n, long seed, DataType type) {
        INDArray a = random(n, n, seed, DataType.DOUBLE);
        return a.add(a.transpose()).castTo(type);
    }

    /** A copy with NaN strictly below the diagonal: whatever reads those entries gives NaN. */
    private static INDArray withNanBelowDiagonal(INDArray a) {
        INDArray out = a.dup('c');
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < i; j++) {
                out.putScalar(i, j, Double.NaN);
            }
        }
        return out;
    }
}
