package org.factlab.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The numerical self-check of the native linear algebra, run once before the first run is taken: every operation the
 * lab takes from OpenBLAS — GEMM (float32, float64), the symmetric eigendecomposition and the SVD (float64, the only
 * precision the lab decomposes in), the Cholesky and the pivoted symmetric-indefinite solves (float32, float64) — at
 * sizes 7, 50, 300 and 1000, which reach OpenBLAS's small-matrix, blocked and threaded code paths. Each result is
 * checked by its defining equation (‖A − VΛVᵀ‖/‖A‖, ‖A − UΣVᵀ‖/‖A‖, the solve's backward error, the product on
 * random vectors) against a bound of a precision-scaled n·ε, and, where a plain-Java computation is cheap, against
 * that independent reference (Jacobi eigenvalues, a Java Cholesky solve, Java matrix–vector products). Wrong kernels
 * miss these bounds by many orders of magnitude (docs/architecture.md, "Native linear algebra").
 */
public final class KnownAnswers {

    static final int[] SIZES = {7, 50, 300, 1000};
    /** Sizes up to which the eigenvalues are also compared with the Jacobi method's. */
    private static final int JACOBI_MAX = 50;
    /** Sizes up to which the Cholesky solution is also compared with a Java Cholesky solve. */
    private static final int JAVA_SOLVE_MAX = 300;

    private KnownAnswers() {}

    /** Runs every check; never throws for a wrong or failing operation (each becomes a failed {@link KnownAnswer}). */
    public static List<KnownAnswer> run() {
        List<KnownAnswer> out = new ArrayList<>();
        for (int n : SIZES) {
            Random random = new Random(1000L + n);
            double[][] g = gaussian(n, n, random);
            double[][] spd = spd(g);
            double[] b = gaussian(1, n, random)[0];
            for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                gemm(out, g, spd, type, random);
                choleskySolve(out, spd, b, type);
                indefiniteSolve(out, spd, b, type);
            }
            eigen(out, spd);
            svd(out, rectangular(g));
        }
        return out;
    }

    private static void gemm(List<KnownAnswer> out, double[][] a, double[][] b, DataType type, Random random) {
        int n = a.length;
        String op = prefix(type) + "gemm";
        double[] x = gaussian(1, n, random)[0];
        measure(out, op, n, "‖ABx − A(Bx)‖/(‖A‖‖B‖‖x‖) vs Java", 32 * n * eps(type), () -> {
            INDArray c = matrix(a, type).mmul(matrix(b, type));
            double[] cx = times(rows(c), x);
            double[] reference = times(a, times(b, x));
            return distance(cx, reference) / (Matrices.frobeniusNorm(a) * Matrices.frobeniusNorm(b) * norm(x));
        });
    }

    private static void eigen(List<KnownAnswer> out, double[][] spd) {
        int n = spd.length;
        INDArray a = matrix(spd, DataType.DOUBLE);
        INDArray[] eigen = attempt(out, "dsyevd", n, () -> NativeLinearAlgebra.symmetricEigen(a));
        if (eigen == null) {
            return;
        }
        measure(out, "dsyevd", n, "‖A − VΛVᵀ‖/‖A‖", decompositionBound(n), () -> {
            INDArray v = eigen[1];
            INDArray reassembled = v.mulRowVector(eigen[0].reshape(1, n)).mmul(v.transpose());
            return Matrices.relativeError(rows(reassembled), spd);
        });
        if (n <= JACOBI_MAX) {
            measure(out, "dsyevd", n, "max|λ − λ(Jacobi)|/λmax", decompositionBound(n), () -> {
                double[] native_ = eigen[0].toDoubleVector();
                double[] jacobi = SymmetricEigen.of(spd).values();
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    worst = Math.max(worst, Math.abs(native_[i] - jacobi[n - 1 - i]));
                }
                return worst / jacobi[0];
            });
        }
    }

    private static void svd(List<KnownAnswer> out, double[][] a) {
        int m = a.length;
        INDArray[] svd = attempt(out, "dgesdd", m, () -> NativeLinearAlgebra.svd(matrix(a, DataType.DOUBLE)));
        if (svd == null) {
            return;
        }
        measure(out, "dgesdd", m, "‖A − UΣVᵀ‖/‖A‖ (" + m + "×" + a[0].length + ")", decompositionBound(m), () -> {
            INDArray reassembled =
                    svd[0].mulRowVector(svd[1].reshape(1, svd[1].length())).mmul(svd[2]);
            return Matrices.relativeError(rows(reassembled), a);
        });
    }

    private static void choleskySolve(List<KnownAnswer> out, double[][] spd, double[] b, DataType type) {
        int n = spd.length;
        String op = prefix(type) + "posv";
        INDArray x = solved(out, op, spd, b, type, true);
        if (x == null) {
            return;
        }
        double[] solution = x.castTo(DataType.DOUBLE).toDoubleVector();
        measure(out, op, n, "‖Ax − b‖/‖b‖", 100 * n * eps(type), () -> distance(times(spd, solution), b) / norm(b));
        if (n <= JAVA_SOLVE_MAX) {
            measure(out, op, n, "‖x − x(Java)‖/‖x(Java)‖", 100 * n * eps(type), () -> {
                double[] reference = javaCholeskySolve(spd, b);
                return distance(solution, reference) / norm(reference);
            });
        }
    }

    /** A symmetric indefinite system: the SPD matrix shifted to put a third of its spectrum below zero. */
    private static void indefiniteSolve(List<KnownAnswer> out, double[][] spd, double[] b, DataType type) {
        int n = spd.length;
        String op = prefix(type) + "sysv";
        double[][] indefinite = new double[n][];
        for (int i = 0; i < n; i++) {
            indefinite[i] = spd[i].clone();
            indefinite[i][i] -= 1.75;
        }
        INDArray x = solved(out, op, indefinite, b, type, false);
        if (x == null) {
            return;
        }
        double[] solution = x.castTo(DataType.DOUBLE).toDoubleVector();
        measure(
                out,
                op,
                n,
                "‖Ax − b‖/(‖A‖‖x‖ + ‖b‖)",
                100 * n * eps(type),
                () -> distance(times(indefinite, solution), b)
                        / (Matrices.frobeniusNorm(indefinite) * norm(solution) + norm(b)));
    }

    private static INDArray solved(
            List<KnownAnswer> out, String op, double[][] a, double[] b, DataType type, boolean cholesky) {
        int n = a.length;
        return attempt(out, op, n, () -> {
            INDArray x = Nd4j.create(b, new long[] {n, 1}, DataType.DOUBLE)
                    .castTo(type)
                    .dup('f');
            INDArray factor = matrix(a, type).dup('f');
            int info = cholesky
                    ? NativeLinearAlgebra.choleskySolve(factor, x)
                    : NativeLinearAlgebra.symmetricIndefiniteSolve(factor, x);
            if (info != 0) {
                throw new ArithmeticException(
                        "info " + info + " on a " + (cholesky ? "positive definite" : "regular") + " matrix");
            }
            return x;
        });
    }

    /** Runs {@code operation}; on an exception records a failed answer and returns null. */
    private static <T> T attempt(List<KnownAnswer> out, String op, int n, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            out.add(new KnownAnswer(op, n, "", Double.NaN, 0, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return null;
        }
    }

    private static void measure(
            List<KnownAnswer> out, String op, int n, String measure, double bound, Supplier<Double> value) {
        try {
            double v = value.get();
            out.add(new KnownAnswer(op, n, measure, Double.isNaN(v) ? Double.POSITIVE_INFINITY : v, bound, null));
        } catch (RuntimeException e) {
            out.add(new KnownAnswer(
                    op, n, measure, Double.NaN, bound, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static double decompositionBound(int n) {
        return DecompositionCheck.decompositionBound(n);
    }

    private static double eps(DataType type) {
        return type == DataType.DOUBLE ? Math.ulp(1.0) : Math.ulp(1.0f);
    }

    private static String prefix(DataType type) {
        return type == DataType.DOUBLE ? "d" : "s";
    }

    /** G Gᵀ/n + I: symmetric positive definite, eigenvalues in about [1, 5]. */
    private static double[][] spd(double[][] g) {
        double[][] s = Matrices.scale(1.0 / g.length, Matrices.multiply(g, Matrices.transpose(g)));
        for (int i = 0; i < s.length; i++) {
            s[i][i] += 1;
        }
        return Matrices.symmetrize(s);
    }

    /** The first ⌈n/2⌉ + 1 columns of g (at most n): a wide-enough rectangular matrix, as the lab's W are. */
    private static double[][] rectangular(double[][] g) {
        int columns = Math.min(g.length, g.length / 2 + 1);
        double[][] out = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            out[i] = java.util.Arrays.copyOf(g[i], columns);
        }
        return out;
    }

    private static double[][] gaussian(int rows, int columns, Random random) {
        double[][] out = new double[rows][columns];
        for (double[] row : out) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return out;
    }

    private static INDArray matrix(double[][] a, DataType type) {
        return Nd4j.create(a).castTo(type);
    }

    private static double[][] rows(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double[] times(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return Math.sqrt(Entries.squaredNorm(a));
    }

    /** Solves A x = b for symmetric positive definite A by a plain-Java Cholesky factorization A = L Lᵀ. */
    private static double[] javaCholeskySolve(double[][] a, double[] b) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
