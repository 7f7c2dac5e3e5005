package org.factlab.kernels;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dposv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsysv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_sposv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_ssysv;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LAPACK solvers the kernel machine needs (its eigendecompositions and SVDs are
 * {@link org.factlab.math.Decompositions}), called directly on ND4J buffers through the OpenBLAS that
 * nd4j-native bundles (org.bytedeco.openblas). Every routine works in place on column-major arrays with
 * offset 0; callers pass copies. Avoided on purpose: ND4J's {@code lapack().getrf} and OpenBLAS
 * {@code ?gesv} (LU), which crash this OpenBLAS build with SIGSEGV on several threads from n ≈ 200 on;
 * the symmetric-indefinite {@code ?sysv} (Bunch–Kaufman LDLᵀ) is the pivoted fallback instead.
 */
final class Lapack {

    private static final byte LOWER = 'L';

    private Lapack() {
    }

    /**
     * Cholesky solve A X = B ({@code ?posv}): A (n×n, symmetric, any order: only its lower triangle is read)
     * is overwritten by its factor, B (n×c, column-major) by X. Returns LAPACK's info: &gt; 0 when A is not
     * positive definite.
     */
    static int choleskySolve(INDArray a, INDArray b) {
        int n = checkSquare(a);
        checkColumnMajor(b, n);
        int nrhs = (int) b.columns();
        int info = a.dataType() == DataType.DOUBLE
                ? LAPACKE_dposv(LAPACK_COL_MAJOR, LOWER, n, nrhs, doubles(a), n, doubles(b), n)
                : LAPACKE_sposv(LAPACK_COL_MAJOR, LOWER, n, nrhs, floats(a), n, floats(b), n);
        written(a, b);
        return info;
    }

    /**
     * Pivoted LDLᵀ solve of a symmetric, possibly indefinite A X = B ({@code ?sysv}), same in-place
     * convention as {@link #choleskySolve}. Returns info: &gt; 0 when D has an exact zero (A singular).
     */
    static int symmetricIndefiniteSolve(INDArray a, INDArray b) {
        int n = checkSquare(a);
        checkColumnMajor(b, n);
        int nrhs = (int) b.columns();
        try (IntPointer pivots = new IntPointer(n)) {
            int info = a.dataType() == DataType.DOUBLE
                    ? LAPACKE_dsysv(LAPACK_COL_MAJOR, LOWER, n, nrhs, doubles(a), n, pivots, doubles(b), n)
                    : LAPACKE_ssysv(LAPACK_COL_MAJOR, LOWER, n, nrhs, floats(a), n, pivots, floats(b), n);
            written(a, b);
            return info;
        }
    }

    private static int checkSquare(INDArray a) {
        if (!a.isMatrix() || a.rows() != a.columns() || a.offset() != 0) {
            throw new IllegalArgumentException("needs a square matrix with offset 0, got " + a.shapeInfoToString());
        }
        return Math.toIntExact(a.rows());
    }

    private static void checkColumnMajor(INDArray b, int rows) {
        if (b.rows() != rows || b.offset() != 0 || b.ordering() != 'f' || b.stride(0) != 1) {
            throw new IllegalArgumentException("right-hand side must be a column-major " + rows + "×c matrix, got "
                    + b.shapeInfoToString());
        }
    }

    /** The host buffer, synchronised from the device first on a GPU backend (no-op on the CPU). */
    private static DoublePointer doubles(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
        return (DoublePointer) a.data().addressPointer();
    }

    private static FloatPointer floats(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
        return (FloatPointer) a.data().addressPointer();
    }

    /** Marks arrays LAPACK overwrote on the host as newest there, for a GPU backend. */
    private static void written(INDArray... arrays) {
        for (INDArray a : arrays) {
            Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
        }
    }
}
