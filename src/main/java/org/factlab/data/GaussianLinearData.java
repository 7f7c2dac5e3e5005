package org.factlab.data;

import java.util.SplittableRandom;

/**
 * The synthetic regression of Appendix C (Figure 11): a teacher W* ∈ ℝ^{c×d} with independent N(0, 1)
 * entries, inputs x ~ N(0, I_d) and targets y = W* x (no noise). The teacher, the training set and the test
 * set come from three independent streams split off the seed, so the test set does not depend on n.
 *
 * @param teacher W*, c×d
 * @param trainX  n×d inputs
 * @param trainY  n×c targets
 * @param testX   nTest×d inputs
 * @param testY   nTest×c targets
 */
public record GaussianLinearData(
        double[][] teacher, double[][] trainX, double[][] trainY, double[][] testX, double[][] testY)
        implements TrainTestSplit {

    public static GaussianLinearData generate(int d, int c, int n, int nTest, long seed) {
        if (d < 1 || c < 1 || n < 1 || nTest < 1) {
            throw new IllegalArgumentException(
                    "needs d, c, n, nTest ≥ 1; got d = " + d + ", c = " + c + ", n = " + n + ", nTest = " + nTest);
        }
        SplittableRandom root = new SplittableRandom(seed);
        double[][] teacher = gaussian(c, d, root.split());
        double[][] trainX = gaussian(n, d, root.split());
        double[][] testX = gaussian(nTest, d, root.split());
        return new GaussianLinearData(teacher, trainX, apply(teacher, trainX), testX, apply(teacher, testX));
    }

    private static double[][] gaussian(int rows, int cols, SplittableRandom random) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return out;
    }

    /** Rows W* xᵢ. */
    private static double[][] apply(double[][] teacher, double[][] x) {
        double[][] y = new double[x.length][teacher.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < teacher.length; k++) {
                double s = 0;
                for (int j = 0; j < x[i].length; j++) {
                    s += teacher[k][j] * x[i][j];
                }
                y[i][k] = s;
            }
        }
        return y;
    }
}
