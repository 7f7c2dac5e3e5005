package org.factlab.math;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Eigendecomposition A = V diag(λ) Vᵀ of a small symmetric matrix by the cyclic Jacobi method
 * (accurate to machine precision, fine for the 4×4 to ~100×100 matrices it is used on).
 *
 * @param values  eigenvalues in descending order
 * @param vectors orthonormal eigenvectors as columns: {@code vectors[k][i]} is entry k of eigenvector i
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    /**
     * Decomposes the symmetric part (A + Aᵀ)/2 of {@code a}.
     *
     * @param a not modified
     */
    public static SymmetricEigen of(double[][] a) {
        double[][] s = Matrices.symmetrize(a);
        int n = s.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonalNorm(s) > 1e-15 * Matrices.frobeniusNorm(s); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(s, v, p, q);
                }
            }
        }
        return sorted(s, v);
    }

    /** Reassembles V diag(f(λ)) Vᵀ with f applied to each eigenvalue. */
    public double[][] reassemble(DoubleUnaryOperator f) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            double fi = f.applyAsDouble(values[i]);
            if (fi == 0) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                double vk = fi * vectors[k][i];
                for (int l = 0; l < n; l++) {
                    out[k][l] += vk * vectors[l][i];
                }
            }
        }
        return out;
    }

    /**
     * One Jacobi rotation in the (p, q) plane that zeroes s[p][q]; accumulates it into v.
     *
     * @param s modified: rotated in the (p, q) plane
     * @param v modified: the rotation is accumulated into it
     */
    private static void rotate(double[][] s, double[][] v, int p, int q) {
        double apq = s[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (s[q][q] - s[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double sn = t * c;
        int n = s.length;
        for (int k = 0; k < n; k++) {
            double skp = s[k][p];
            double skq = s[k][q];
            s[k][p] = c * skp - sn * skq;
            s[k][q] = sn * skp + c * skq;
        }
        for (int k = 0; k < n; k++) {
            double spk = s[p][k];
            double sqk = s[q][k];
            s[p][k] = c * spk - sn * sqk;
            s[q][k] = sn * spk + c * sqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - sn * vkq;
            v[k][q] = sn * vkp + c * vkq;
        }
    }

    /**
     * @param s not modified
     */
    private static double offDiagonalNorm(double[][] s) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (i != j) {
                    sum += s[i][j] * s[i][j];
                }
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * @param s not modified
     * @param v not modified
     */
    private static SymmetricEigen sorted(double[][] s, double[][] v) {
        int n = s.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(s[j][j], s[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int i = 0; i < n; i++) {
            values[i] = s[order[i]][order[i]];
            for (int k = 0; k < n; k++) {
                vectors[k][i] = v[k][order[i]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
