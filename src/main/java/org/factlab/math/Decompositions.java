package org.factlab.math;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Symmetric eigendecomposition and SVD of square float64 ND4J matrices, called directly on ND4J buffers
 * through the OpenBLAS LAPACK that nd4j-native bundles (org.bytedeco.openblas). Inputs are copied to
 * column-major first; results are column-major.
 */
public final class Decompositions {

    private Decompositions() {
    }

    /** Eigenvalues (ascending) and eigenvectors (columns) of a symmetric float64 matrix ({@code dsyevd}). */
    public static INDArray[] symmetricEigen(INDArray symmetric) {
        int n = checkSquare(symmetric);
        INDArray vectors = symmetric.castTo(DataType.DOUBLE).dup('f');
        INDArray values = Nd4j.create(DataType.DOUBLE, n);
        int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'L', n, doubles(vectors), n, doubles(values));
        check(info, "dsyevd");
        written(vectors, values);
        return new INDArray[] {values, vectors};
    }

    /**
     * Thin SVD A = U diag(σ) Vᵀ of an m×n float64 matrix ({@code dgesdd}, k = min(m, n)): returns {U (m×k),
     * σ (k, descending), Vᵀ (k×n)}; for a square matrix the full SVD.
     */
    public static INDArray[] svd(INDArray matrix) {
        if (!matrix.isMatrix()) {
            throw new IllegalArgumentException("needs a matrix, got " + matrix.shapeInfoToString());
        }
        int m = Math.toIntExact(matrix.rows());
        int n = Math.toIntExact(matrix.columns());
        int k = Math.min(m, n);
        INDArray a = matrix.castTo(DataType.DOUBLE).dup('f');
        INDArray sigma = Nd4j.create(DataType.DOUBLE, k);
        INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {m, k}, 'f');
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {k, n}, 'f');
        int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'S', m, n, doubles(a), m, doubles(sigma), doubles(u), m,
                doubles(vt), k);
        check(info, "dgesdd");
        written(u, sigma, vt);
        return new INDArray[] {u, sigma, vt};
    }

    private static void check(int info, String routine) {
        if (info != 0) {
            throw new ArithmeticException(routine + " did not converge (info " + info + ")");
        }
    }

    private static int checkSquare(INDArray a) {
        if (!a.isMatrix() || a.rows() != a.columns()) {
            throw new IllegalArgumentException("needs a square matrix, got " + a.shapeInfoToString());
        }
        return Math.toIntExact(a.rows());
    }

    /** The host buffer of {@code a}, synchronised from the device first on a GPU backend (no-op on the CPU). */
    private static DoublePointer doubles(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
        return (DoublePointer) a.data().addressPointer();
    }

    /** Marks arrays that LAPACK wrote on the host as newest there, so a GPU backend copies them over when used. */
    private static void written(INDArray... arrays) {
        for (INDArray a : arrays) {
            Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
        }
    }
}
