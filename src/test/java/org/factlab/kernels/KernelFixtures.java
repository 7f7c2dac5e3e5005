package org.factlab.kernels;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small seeded matrices and literal (loop) formulas the kernel tests compare against. */
final class KernelFixtures {

    private KernelFixtures() {}

    static double[][] gaussianMatrix(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = gaussian(random);
            }
        }
        return out;
    }

    /** A well-conditioned symmetric positive definite d×d matrix: G Gᵀ/d + I/2. */
    static double[][] spd(int d, long seed) {
        double[][] g = gaussianMatrix(d, d, seed);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    out[i][j] += g[i][k] * g[j][k] / d;
                }
            }
            out[i][i] += 0.5;
        }
        return out;
    }

    static INDArray matrix(double[][] rows) {
        return Rows.toMatrix(rows, DataType.DOUBLE);
    }

    /** ‖x − z‖_M by the definition √((x − z)ᵀ M (x − z)). */
    static double mahalanobis(double[] x, double[] z, double[][] m) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            for (int l = 0; l < x.length; l++) {
                s += (x[k] - z[k]) * m[k][l] * (x[l] - z[l]);
            }
        }
        return Math.sqrt(Math.max(s, 0));
    }

    /** K(x, z) by the definitions of §4.1 and, for the inner-product kernel, exp(xᵀMz/L²). */
    static double kernel(KernelFunction kernel, double[] x, double[] z, double[][] m, double bandwidth) {
        if (kernel == KernelFunction.EXP_INNER_PRODUCT) {
            double product = 0;
            for (int k = 0; k < x.length; k++) {
                for (int l = 0; l < x.length; l++) {
                    product += x[k] * m[k][l] * z[l];
                }
            }
            return Math.exp(product / (bandwidth * bandwidth));
        }
        double distance = mahalanobis(x, z, m);
        return kernel == KernelFunction.LAPLACE
                ? Math.exp(-distance / bandwidth)
                : Math.exp(-distance * distance / (2 * bandwidth * bandwidth));
    }

    /** Central finite-difference gradient of z ↦ g(z) at x. */
    static double[] finiteDifferenceGradient(java.util.function.ToDoubleFunction<double[]> g, double[] x, double h) {
        double[] grad = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[k] += h;
            minus[k] -= h;
            grad[k] = (g.applyAsDouble(plus) - g.applyAsDouble(minus)) / (2 * h);
        }
        return grad;
    }

    static double maxAbsDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    static double maxAbs(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
