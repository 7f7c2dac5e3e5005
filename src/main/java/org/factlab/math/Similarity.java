package org.factlab.math;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Similarity of two feature matrices of the same shape, taken over all flattened entries (diagonal
 * included).
 */
public final class Similarity {

    private Similarity() {}

    /**
     * Cosine similarity corr(A, B) = ⟨A, B⟩ / (‖A‖_F ‖B‖_F), no centring: the "corr" of Theorem 3.4
     * (Theorem D.1) and the figure reported in Figure 4. NaN when either matrix is zero.
     *
     * @param a not modified
     * @param b not modified
     */
    public static double cosine(double[][] a, double[][] b) {
        return Matrices.frobeniusInner(a, b) / (Matrices.frobeniusNorm(a) * Matrices.frobeniusNorm(b));
    }

    /**
     * Pearson correlation of the flattened entries, Σ (a − ā)(b − b̄) / √(Σ (a − ā)² Σ (b − b̄)²) with the
     * means over all entries: the correlation of Table 2 and Figure 3. NaN when either matrix is constant.
     *
     * @param a not modified
     * @param b not modified
     */
    public static double pearson(double[][] a, double[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException("shapes differ");
        }
        double meanA = 0;
        double meanB = 0;
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                meanA += a[i][j];
                meanB += b[i][j];
                count++;
            }
        }
        meanA /= count;
        meanB /= count;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double da = a[i][j] - meanA;
                double db = b[i][j] - meanB;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /**
     * {@link #cosine(double[][], double[][])} of two ND4J matrices of the same shape.
     *
     * @param a not modified
     * @param b not modified
     */
    public static double cosine(INDArray a, INDArray b) {
        checkSameShape(a, b);
        return cosine(Entries.of(a), Entries.of(b));
    }

    /**
     * Cosine of two matrices' entries in the same order.
     *
     * @param x not modified
     * @param y not modified
     */
    static double cosine(double[] x, double[] y) {
        double xy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += x[i] * y[i];
        }
        return xy / Math.sqrt(Entries.squaredNorm(x) * Entries.squaredNorm(y));
    }

    /**
     * {@link #pearson(double[][], double[][])} of two ND4J matrices of the same shape (two passes: means, then the
     * centred sums).
     *
     * @param a not modified
     * @param b not modified
     */
    public static double pearson(INDArray a, INDArray b) {
        checkSameShape(a, b);
        return pearson(Entries.of(a), Entries.of(b));
    }

    /**
     * Pearson correlation of two matrices' entries in the same order.
     *
     * @param x not modified
     * @param y not modified
     */
    static double pearson(double[] x, double[] y) {
        double meanX = Entries.mean(x);
        double meanY = Entries.mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /**
     * ‖A − B‖_F / ‖B‖_F of two ND4J matrices of the same shape.
     *
     * @param a not modified
     * @param reference not modified
     */
    public static double relativeDistance(INDArray a, INDArray reference) {
        checkSameShape(a, reference);
        double[] x = Entries.of(a);
        double[] y = Entries.of(reference);
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double e = x[i] - y[i];
            d += e * e;
        }
        return Math.sqrt(d / Entries.squaredNorm(y));
    }

    /**
     * @param a not modified
     * @param b not modified
     */
    private static void checkSameShape(INDArray a, INDArray b) {
        if (!a.equalShapes(b)) {
            throw new IllegalArgumentException(
                    "shapes differ: " + a.shapeInfoToString() + " vs " + b.shapeInfoToString());
        }
    }
}
