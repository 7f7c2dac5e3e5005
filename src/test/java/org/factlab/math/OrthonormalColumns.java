package org.factlab.math;

import java.util.random.RandomGenerator;

/** Test fixtures: matrices with orthonormal columns, from Gram–Schmidt (twice, so round-off stays at ε). */
public final class OrthonormalColumns {

    private OrthonormalColumns() {}

    /** rows×cols (cols ≤ rows) with orthonormal columns, from standard normal draws of {@code random}. */
    public static double[][] of(int rows, int cols, RandomGenerator random) {
        double[][] q = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                q[i][j] = random.nextGaussian();
            }
        }
        for (int j = 0; j < cols; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < rows; i++) {
                        dot += q[i][j] * q[i][k];
                    }
                    for (int i = 0; i < rows; i++) {
                        q[i][j] -= dot * q[i][k];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                norm += q[i][j] * q[i][j];
            }
            for (int i = 0; i < rows; i++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        return q;
    }
}
