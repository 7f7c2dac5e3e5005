package org.factlab.math;

/**
 * An independent dense solver for tests: Gauss–Jordan elimination with partial pivoting on plain arrays, to check
 * the LAPACK-backed code against (systems small and well conditioned).
 */
public final class GaussJordan {

    private GaussJordan() {}

    /**
     * A⁻¹B.
     *
     * @param a n×n; not modified
     * @param b n×m; not modified
     */
    public static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] augmented = new double[n][n + m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, augmented[i], 0, n);
            System.arraycopy(b[i], 0, augmented[i], n, m);
        }
        return solveAugmented(augmented, n, m);
    }

    /**
     * The solution X of A X = B stored side by side as [A | B].
     *
     * @param augmented n×(n + c), A then the c right-hand sides; modified: reduced to [D | D X], D diagonal
     */
    public static double[][] solveAugmented(double[][] augmented, int n, int c) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int i = col + 1; i < n; i++) {
                pivot = Math.abs(augmented[i][col]) > Math.abs(augmented[pivot][col]) ? i : pivot;
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int i = 0; i < n; i++) {
                if (i != col) {
                    double factor = augmented[i][col] / augmented[col][col];
                    for (int j = col; j < n + c; j++) {
                        augmented[i][j] -= factor * augmented[col][j];
                    }
                }
            }
        }
        double[][] x = new double[n][c];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < c; o++) {
                x[i][o] = augmented[i][n + o] / augmented[i][i];
            }
        }
        return x;
    }
}
