package org.factlab.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Sparse parity (§4.3, Figures 1 and 5): x uniform on {−1/√d, +1/√d}^d, label y = 1 when the product of
 * the k support coordinates is positive and 0 otherwise. The support, the training set and the test set
 * come from three independent streams split off the seed, so the test set does not depend on n.
 *
 * @param support the k support coordinates (0-based, ascending)
 * @param trainX  n×d inputs
 * @param trainY  n×1 labels in {0, 1}
 * @param testX   nTest×d inputs
 * @param testY   nTest×1 labels in {0, 1}
 */
public record SparseParityData(int[] support, double[][] trainX, double[][] trainY, double[][] testX, double[][] testY)
        implements TrainTestSplit {

    /**
     * Draws a data set.
     *
     * @param support the support coordinates, or null to draw k distinct coordinates from the seed
     */
    public static SparseParityData generate(int d, int k, int n, int nTest, int[] support, long seed) {
        if (k < 1 || k > d || n < 1 || nTest < 1) {
            throw new IllegalArgumentException("needs 1 ≤ k ≤ d, n ≥ 1, nTest ≥ 1; got d = " + d + ", k = " + k
                    + ", n = " + n + ", nTest = " + nTest);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom supportStream = root.split();
        SplittableRandom trainStream = root.split();
        SplittableRandom testStream = root.split();
        int[] s = support == null ? drawSupport(d, k, supportStream) : checkedSupport(support, d, k);
        double[][] trainX = points(n, d, trainStream);
        double[][] testX = points(nTest, d, testStream);
        return new SparseParityData(s, trainX, labels(trainX, s), testX, labels(testX, s));
    }

    /** 1 if Πₖ x_{sₖ} &gt; 0, else 0. */
    public static double label(double[] x, int[] support) {
        boolean positive = true;
        for (int coordinate : support) {
            positive ^= x[coordinate] < 0;
        }
        return positive ? 1 : 0;
    }

    private static double[][] points(int count, int d, SplittableRandom random) {
        double value = 1 / Math.sqrt(d);
        double[][] out = new double[count][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextBoolean() ? value : -value;
            }
        }
        return out;
    }

    private static double[][] labels(double[][] x, int[] support) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[] {label(x[i], support)};
        }
        return out;
    }

    private static int[] drawSupport(int d, int k, SplittableRandom random) {
        int[] coordinates = new int[d];
        Arrays.setAll(coordinates, i -> i);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(d - i);
            int swap = coordinates[i];
            coordinates[i] = coordinates[j];
            coordinates[j] = swap;
        }
        int[] support = Arrays.copyOf(coordinates, k);
        Arrays.sort(support);
        return support;
    }

    private static int[] checkedSupport(int[] support, int d, int k) {
        int[] sorted = support.clone();
        Arrays.sort(sorted);
        boolean valid = sorted.length == k
                && sorted[0] >= 0
                && sorted[k - 1] < d
                && Arrays.stream(sorted).distinct().count() == k;
        if (!valid) {
            throw new IllegalArgumentException("support must be " + k + " distinct coordinates in [0, " + d + "), got "
                    + Arrays.toString(support));
        }
        return sorted;
    }
}
