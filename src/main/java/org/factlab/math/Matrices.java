package org.factlab.math;

/**
 * Small dense matrices as {@code double[rows][cols]}: the helpers the feature-matrix code needs
 * (Frobenius inner product and norm, relative error, symmetrisation, products, float export).
 * Sizes are tiny (the layer input dimension), so plain loops are the right tool.
 */
public final class Matrices {

    private Matrices() {}

    /**
     * Frobenius inner product ⟨A, B⟩ = Σ_{kl} A_kl B_kl (the numerator of corr in Theorem 3.4).
     *
     * @param a not modified
     * @param b not modified
     */
    public static double frobeniusInner(double[][] a, double[][] b) {
        checkSameShape(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }

    /**
     * Frobenius norm ‖A‖_F = √⟨A, A⟩.
     *
     * @param a not modified
     */
    public static double frobeniusNorm(double[][] a) {
        return Math.sqrt(frobeniusInner(a, a));
    }

    /**
     * Relative error ‖A − R‖_F / ‖R‖_F of {@code a} against the reference {@code ref}; with A = FACT and
     * R = WᵀW it measures how far (FACT) of Theorem 3.1 is from holding.
     *
     * @param a not modified
     * @param ref not modified
     */
    public static double relativeError(double[][] a, double[][] ref) {
        checkSameShape(a, ref);
        double num = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - ref[i][j];
                num += d * d;
            }
        }
        return Math.sqrt(num) / frobeniusNorm(ref);
    }

    /**
     * (A + Aᵀ)/2 of a square matrix.
     *
     * @param a not modified
     */
    public static double[][] symmetrize(double[][] a) {
        int n = checkSquare(a);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return s;
    }

    /**
     * The product A·B.
     *
     * @param a not modified
     * @param b not modified
     */
    public static double[][] multiply(double[][] a, double[][] b) {
        int inner = b.length;
        if (a[0].length != inner) {
            throw new IllegalArgumentException("shapes " + a.length + "×" + a[0].length + " and " + b.length + "×"
                    + b[0].length + " do not multiply");
        }
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    /**
     * The transpose Aᵀ.
     *
     * @param a not modified
     */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /**
     * c·A.
     *
     * @param a not modified
     */
    public static double[][] scale(double c, double[][] a) {
        double[][] s = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            s[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                s[i][j] = c * a[i][j];
            }
        }
        return s;
    }

    /**
     * Row-major float copy, the form {@code RunContext.matrix} takes.
     *
     * @param a not modified
     */
    public static float[] toFloatRowMajor(double[][] a) {
        int cols = a[0].length;
        float[] out = new float[a.length * cols];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) a[i][j];
            }
        }
        return out;
    }

    /**
     * @param a not modified
     */
    static int checkSquare(double[][] a) {
        for (double[] row : a) {
            if (row.length != a.length) {
                throw new IllegalArgumentException(
                        "matrix is not square: " + a.length + " rows, a row of " + row.length);
            }
        }
        return a.length;
    }

    /**
     * @param a not modified
     * @param b not modified
     */
    private static void checkSameShape(double[][] a, double[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException(
                    "shapes differ: " + a.length + "×" + a[0].length + " vs " + b.length + "×" + b[0].length);
        }
    }
}
