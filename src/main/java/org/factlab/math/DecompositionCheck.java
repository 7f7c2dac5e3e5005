package org.factlab.math;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Cheap checks that a decomposition or solve from native LAPACK satisfies its defining equation, kept on in every
 * run: a few random vectors x (fixed seed) are pushed through both sides, e.g. A x against V (Λ (Vᵀ x)), which costs
 * O(n²) per vector against the decomposition's O(n³). Round-off leaves a relative residual of a few n·ε; the broken
 * kernels this guards against (OpenBLAS 0.3.19's LAPACK under its SkylakeX kernels, docs/architecture.md) leave
 * 1e-2 to 1e57 or NaN, so the bounds sit orders of magnitude above round-off and far below any wrong answer. A
 * non-finite input is not checked: divergence is reported where it happens, not blamed on the library.
 */
public final class DecompositionCheck {

    /** Random vectors per check. */
    private static final int PROBES = 2;

    private static final long SEED = 0x5EEDL;

    private DecompositionCheck() {}

    /**
     * Checks A = V diag(λ) Vᵀ.
     *
     * @param operation the routine, for the message (e.g. {@code dsyevd})
     * @param symmetric A, float64 n×n; not modified
     * @param values    λ (n); not modified
     * @param vectors   V, n×n, eigenvectors as columns; not modified
     * @throws WrongArithmeticException when ‖A x − V Λ Vᵀ x‖ / (‖A‖_F ‖x‖) exceeds {@link #decompositionBound}
     */
    public static void eigen(String operation, INDArray symmetric, INDArray values, INDArray vectors) {
        double residual = eigenResidual(symmetric, values, vectors);
        require(operation, residual, decompositionBound(symmetric.rows()));
    }

    /**
     * ‖A x − V Λ Vᵀ x‖_F / (‖A‖_F ‖x‖_F) over the random vectors; NaN when A itself is not finite.
     *
     * @param symmetric not modified
     * @param values    not modified
     * @param vectors   not modified
     */
    static double eigenResidual(INDArray symmetric, INDArray values, INDArray vectors) {
        int n = Math.toIntExact(symmetric.rows());
        double[] a = Entries.of(symmetric);
        double[] lambda = Entries.of(values);
        // row k of Vᵀ is eigenvector k
        double[] vT = Entries.of(vectors.transpose());
        double[][] x = probeColumns(n);
        double squared = 0;
        for (double[] probe : x) {
            double[] coordinates = new double[n];
            for (int k = 0; k < n; k++) {
                coordinates[k] = lambda[k] * dot(vT, k * n, probe);
            }
            double[] right = new double[n];
            for (int k = 0; k < n; k++) {
                axpy(coordinates[k], vT, k * n, right);
            }
            for (int i = 0; i < n; i++) {
                double difference = dot(a, i * n, probe) - right[i];
                squared += difference * difference;
            }
        }
        return ratio(Math.sqrt(squared), norm(a) * norm(x), finite(a));
    }

    /**
     * Checks A = U diag(σ) Vᵀ.
     *
     * @param a     m×n float64; not modified
     * @param u     m×k; not modified
     * @param sigma k; not modified
     * @param vt    k×n; not modified
     * @throws WrongArithmeticException when ‖A x − U Σ Vᵀ x‖ / (‖A‖_F ‖x‖) exceeds {@link #decompositionBound}
     */
    public static void svd(String operation, INDArray a, INDArray u, INDArray sigma, INDArray vt) {
        require(operation, svdResidual(a, u, sigma, vt), decompositionBound(Math.max(a.rows(), a.columns())));
    }

    /**
     * @param a     not modified
     * @param u     not modified
     * @param sigma not modified
     * @param vt    not modified
     */
    static double svdResidual(INDArray a, INDArray u, INDArray sigma, INDArray vt) {
        int m = Math.toIntExact(a.rows());
        int n = Math.toIntExact(a.columns());
        int k = Math.toIntExact(sigma.length());
        double[] entries = Entries.of(a);
        double[] sigmas = Entries.of(sigma);
        // row j of (Vᵀ)ᵀ is column j of Vᵀ; row r of Uᵀ is left singular vector r
        double[] v = Entries.of(vt.transpose());
        double[] uT = Entries.of(u.transpose());
        double[][] x = probeColumns(n);
        double squared = 0;
        for (double[] probe : x) {
            double[] coordinates = new double[k];
            for (int j = 0; j < n; j++) {
                axpy(probe[j], v, j * k, coordinates);
            }
            double[] right = new double[m];
            for (int r = 0; r < k; r++) {
                axpy(sigmas[r] * coordinates[r], uT, r * m, right);
            }
            for (int i = 0; i < m; i++) {
                double difference = dot(entries, i * n, probe) - right[i];
                squared += difference * difference;
            }
        }
        return ratio(Math.sqrt(squared), norm(entries) * norm(x), finite(entries));
    }

    /** Σⱼ a[from + j] x[j] over x's length. */
    private static double dot(double[] a, int from, double[] x) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            sum += a[from + j] * x[j];
        }
        return sum;
    }

    /** y += c · a[from … from + y.length). */
    private static void axpy(double c, double[] a, int from, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * a[from + i];
        }
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static double norm(double[][] columns) {
        double sum = 0;
        for (double[] column : columns) {
            double n = norm(column);
            sum += n * n;
        }
        return Math.sqrt(sum);
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that X solves (K + reg·I) X = B, by its backward error on random combinations r of the right-hand
     * sides: ‖(K + reg·I) X r − B r‖ / ((‖K‖_F + |reg|√n) ‖X r‖ + ‖B r‖). K is symmetric: only its upper triangle is
     * read (one symmetric product and one norm, each half a pass over K), as the solvers do.
     *
     * @param operation the routine, e.g. {@code dposv}
     * @param k         n×n symmetric, float32 or float64; not modified
     * @param x         n×c in K's data type; not modified
     * @param b         n×c; not modified
     * @throws WrongArithmeticException when the backward error exceeds {@link #solveBound}
     */
    public static void solve(String operation, INDArray k, double reg, INDArray x, INDArray b) {
        require(operation, solveResidual(k, reg, x, b), solveBound(k.rows(), k.dataType()));
    }

    /**
     * The backward error of {@link #solve}; NaN when K or B is not finite.
     *
     * @param k not modified
     * @param x not modified
     * @param b not modified
     */
    static double solveResidual(INDArray k, double reg, INDArray x, INDArray b) {
        DataType type = k.dataType();
        INDArray r = probes(x.columns(), type);
        INDArray xr = Products.times(x.castTo(type), r);
        INDArray br = Products.times(b.castTo(type), r);
        INDArray residual =
                SymmetricStorage.symmetricProduct(k, xr).addi(xr.mul(reg)).subi(br);
        double kNorm = SymmetricStorage.upperFrobeniusNorm(k);
        // a finite norm needs finite entries; only an infinite or NaN norm needs the entries looked at
        boolean kFinite = Double.isFinite(kNorm) || SymmetricStorage.upperFinite(k);
        double scale =
                (kNorm + Math.abs(reg) * Math.sqrt(k.rows())) * xr.norm2Number().doubleValue()
                        + br.norm2Number().doubleValue();
        if (!Double.isFinite(scale) && kFinite && isFinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return ratio(residual.norm2Number().doubleValue(), scale, kFinite && isFinite(b));
    }

    /** Bound on the relative residual of a float64 decomposition of an n×n matrix: 1000·n·ε, at least 1e-11. */
    static double decompositionBound(long n) {
        return Math.max(1e-11, 1e3 * n * Math.ulp(1.0));
    }

    /** Bound on a solve's backward error in its precision: 1000·√n·ε, at least 1e-9 (float64) or 1e-3 (float32). */
    static double solveBound(long n, DataType type) {
        boolean doubles = type == DataType.DOUBLE;
        double eps = doubles ? Math.ulp(1.0) : Math.ulp(1.0f);
        return Math.max(doubles ? 1e-9 : 1e-3, 1e3 * Math.sqrt(n) * eps);
    }

    private static void require(String operation, double residual, double bound) {
        if (Double.isNaN(residual) || residual <= bound) {
            return;
        }
        throw new WrongArithmeticException(
                operation, String.format("relative residual %.3g on random vectors, " + "bound %.3g", residual, bound));
    }

    private static double ratio(double residual, double scale, boolean inputFinite) {
        if (!inputFinite) {
            return Double.NaN;
        }
        if (!Double.isFinite(residual)) {
            return Double.POSITIVE_INFINITY;
        }
        return scale == 0 ? (residual == 0 ? 0 : Double.POSITIVE_INFINITY) : residual / scale;
    }

    /**
     * @param a not modified
     */
    private static boolean isFinite(INDArray a) {
        return Double.isFinite(a.sumNumber().doubleValue())
                || !BooleanIndexing.or(a, Conditions.isNan()) && !BooleanIndexing.or(a, Conditions.isInfinite());
    }

    /** PROBES standard normal vectors of length n from a fixed seed, as Java arrays. */
    private static double[][] probeColumns(int n) {
        Random random = new Random(SEED + n);
        double[][] columns = new double[PROBES][n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < PROBES; p++) {
                columns[p][i] = random.nextGaussian();
            }
        }
        return columns;
    }

    /** The vectors of {@link #probeColumns} as the columns of an n×PROBES matrix of the given data type. */
    private static INDArray probes(long n, DataType type) {
        return Nd4j.create(probeColumns(Math.toIntExact(n))).transpose().castTo(type);
    }
}
