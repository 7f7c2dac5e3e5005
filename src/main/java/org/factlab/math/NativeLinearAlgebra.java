package org.factlab.math;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dposv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsysv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_sposv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_ssysv;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one gateway to native linear algebra and to ND4J's host buffers: every LAPACK call of the project (through
 * the OpenBLAS that nd4j-native bundles, org.bytedeco.openblas) and every direct read or write of an array's host
 * memory happen here, each with the same synchronisation: on a GPU backend the host copy is brought up to date
 * before it is read ({@link #hostDoubles}) and marked newest after native code wrote it ({@link #written}), so the
 * device copy follows when the array is next used there; on the CPU both are no-ops. {@link SymmetricStorage}, the
 * operations on symmetric matrices stored by one triangle, reaches host memory only through this synchronisation
 * ({@link #host}, {@link #written}).
 *
 * <p>Avoided on purpose: ND4J's {@code lapack().getrf} and OpenBLAS {@code ?gesv} (LU), which crash this OpenBLAS
 * build with SIGSEGV on several threads from n ≈ 200 on; the symmetric-indefinite {@code ?sysv} (Bunch–Kaufman
 * LDLᵀ) is the pivoted solver instead.
 */
public final class NativeLinearAlgebra {

    private static final byte LOWER = 'L';
    /** dlopen flags (glibc): resolve lazily; only find a library already loaded, never load one. */
    private static final int RTLD_LAZY = 1;

    private static final int RTLD_NOLOAD = 4;

    private NativeLinearAlgebra() {}

    private static volatile BlasLibrary blas;

    /**
     * The OpenBLAS in use and its kernel set. OpenBLAS's own {@code openblas_get_corename} and
     * {@code openblas_get_config}, which the JavaCPP preset does not map, are looked up in the very library file
     * JavaCPP loaded, opened with {@code RTLD_NOLOAD | RTLD_LAZY} and local scope: no second copy is loaded and no
     * symbol is promoted to the global scope (which would mix OpenBLAS copies; bench/README.md).
     */
    public static BlasLibrary blasLibrary() {
        BlasLibrary known = blas;
        if (known == null) {
            known = readBlasLibrary();
            blas = known;
        }
        return known;
    }

    private static BlasLibrary readBlasLibrary() {
        Loader.load(org.bytedeco.openblas.global.openblas.class);
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        String path = Loader.getLoadedLibraries().get("openblas@.0");
        String config = "unknown";
        String kernels = "unknown";
        if (path != null) {
            try {
                NativeLibrary library =
                        NativeLibrary.getInstance(path, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD));
                config = library.getFunction("openblas_get_config").invokeString(new Object[0], false);
                kernels = library.getFunction("openblas_get_corename").invokeString(new Object[0], false);
            } catch (UnsatisfiedLinkError e) {
                config = "unknown (" + e.getMessage() + ")";
            }
        }
        String[] words = config.trim().split("\\s+");
        String version = words.length > 1 && "OpenBLAS".equals(words[0])
                ? words[1]
                : org.bytedeco
                        .openblas
                        .global
                        .openblas_nolapack
                        .OPENBLAS_VERSION
                        .replace("OpenBLAS", "")
                        .trim();
        return new BlasLibrary(
                "OpenBLAS", version, kernels, config.trim(), coretype == null || coretype.isBlank() ? null : coretype);
    }

    /** OpenBLAS's LAPACK, the implementation every run uses. */
    public static final Decompositions LAPACK = new Lapack();

    private static volatile Decompositions decompositions = LAPACK;

    /**
     * Installs another implementation of the decompositions for every caller in this JVM, for fault-injection tests
     * (a decomposition corrupted on purpose must end its run FAILED); production never calls it.
     *
     * @return the implementation installed before, to be put back
     */
    public static Decompositions use(Decompositions replacement) {
        Decompositions previous = decompositions;
        decompositions = replacement;
        return previous;
    }

    /**
     * Eigenvalues (ascending) and eigenvectors (columns, column-major) of a symmetric matrix ({@code dsyevd}, float64),
     * checked against A on random vectors ({@link DecompositionCheck#eigen}).
     *
     * @param symmetric square; not modified (a float64 column-major copy is decomposed; only its lower triangle is
     *                  read)
     * @throws WrongArithmeticException when the result does not reconstruct A
     */
    public static INDArray[] symmetricEigen(INDArray symmetric) {
        if (!symmetric.isMatrix() || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("needs a square matrix, got " + symmetric.shapeInfoToString());
        }
        INDArray a = symmetric.castTo(DataType.DOUBLE);
        INDArray[] eigen = decompositions.symmetricEigen(a.dup('f'));
        DecompositionCheck.eigen("dsyevd", lowerSymmetric(a), eigen[0], eigen[1]);
        return eigen;
    }

    /**
     * Thin SVD A = U diag(σ) Vᵀ of an m×n matrix ({@code dgesdd}, float64, k = min(m, n)): returns {U (m×k),
     * σ (k, descending), Vᵀ (k×n)}, column-major; for a square matrix the full SVD. Checked against A on random
     * vectors ({@link DecompositionCheck#svd}).
     *
     * @param matrix not modified (a float64 column-major copy is decomposed)
     * @throws WrongArithmeticException when the result does not reconstruct A
     */
    public static INDArray[] svd(INDArray matrix) {
        if (!matrix.isMatrix()) {
            throw new IllegalArgumentException("needs a matrix, got " + matrix.shapeInfoToString());
        }
        INDArray a = matrix.castTo(DataType.DOUBLE);
        INDArray[] svd = decompositions.svd(a.dup('f'));
        DecompositionCheck.svd("dgesdd", a, svd[0], svd[1], svd[2]);
        return svd;
    }

    /**
     * Cholesky solve A X = B ({@code ?posv}, in the arrays' precision, float64 or float32). Returns LAPACK's info:
     * &gt; 0 when A is not positive definite. The caller, which still holds A, checks X
     * ({@link DecompositionCheck#solve}).
     *
     * @param a n×n, symmetric, offset 0, any order (only its lower triangle is read); modified: overwritten by its
     *          Cholesky factor
     * @param b n×c, column-major, offset 0, same data type; modified: overwritten by X
     */
    public static int choleskySolve(INDArray a, INDArray b) {
        checkInPlace(a, b);
        return decompositions.choleskySolve(a, b);
    }

    /**
     * Pivoted LDLᵀ solve of a symmetric, possibly indefinite A X = B ({@code ?sysv}). Returns info: &gt; 0 when D
     * has an exact zero (A singular). The caller, which still holds A, checks X ({@link DecompositionCheck#solve}).
     *
     * @param a n×n, symmetric, offset 0, any order (only its lower triangle is read); modified: overwritten by the
     *          factors L and D of A = L D Lᵀ (pivoted)
     * @param b n×c, column-major, offset 0, A's data type; modified: overwritten by X
     */
    public static int symmetricIndefiniteSolve(INDArray a, INDArray b) {
        checkInPlace(a, b);
        return decompositions.symmetricIndefiniteSolve(a, b);
    }

    /** The routines of OpenBLAS's LAPACK; the calls themselves are the gateway's own methods below. */
    private static final class Lapack implements Decompositions {
        @Override
        public INDArray[] symmetricEigen(INDArray symmetric) {
            return dsyevd(symmetric);
        }

        @Override
        public INDArray[] svd(INDArray matrix) {
            return dgesdd(matrix);
        }

        @Override
        public int choleskySolve(INDArray a, INDArray b) {
            return posv(a, b);
        }

        @Override
        public int symmetricIndefiniteSolve(INDArray a, INDArray b) {
            return sysv(a, b);
        }
    }

    /**
     * @param vectors float64 n×n column-major; modified: overwritten by the eigenvectors
     */
    private static INDArray[] dsyevd(INDArray vectors) {
        int n = Math.toIntExact(vectors.rows());
        INDArray values = Nd4j.create(DataType.DOUBLE, n);
        int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'V', LOWER, n, hostDoubles(vectors), n, hostDoubles(values));
        converged(info, "dsyevd");
        written(vectors, values);
        return new INDArray[] {values, vectors};
    }

    /**
     * @param a float64 m×n column-major; modified: destroyed
     */
    private static INDArray[] dgesdd(INDArray a) {
        int m = Math.toIntExact(a.rows());
        int n = Math.toIntExact(a.columns());
        int k = Math.min(m, n);
        INDArray sigma = Nd4j.create(DataType.DOUBLE, k);
        INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {m, k}, 'f');
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {k, n}, 'f');
        int info = LAPACKE_dgesdd(
                LAPACK_COL_MAJOR,
                (byte) 'S',
                m,
                n,
                hostDoubles(a),
                m,
                hostDoubles(sigma),
                hostDoubles(u),
                m,
                hostDoubles(vt),
                k);
        converged(info, "dgesdd");
        written(u, sigma, vt);
        return new INDArray[] {u, sigma, vt};
    }

    /**
     * @param a modified: overwritten by its Cholesky factor
     * @param b modified: overwritten by X
     */
    private static int posv(INDArray a, INDArray b) {
        int n = Math.toIntExact(a.rows());
        int nrhs = (int) b.columns();
        int info = a.dataType() == DataType.DOUBLE
                ? LAPACKE_dposv(LAPACK_COL_MAJOR, LOWER, n, nrhs, hostDoubles(a), n, hostDoubles(b), n)
                : LAPACKE_sposv(LAPACK_COL_MAJOR, LOWER, n, nrhs, hostFloats(a), n, hostFloats(b), n);
        written(a, b);
        return info;
    }

    /**
     * @param a modified: overwritten by the factors L and D of A = L D Lᵀ
     * @param b modified: overwritten by X
     */
    private static int sysv(INDArray a, INDArray b) {
        int n = Math.toIntExact(a.rows());
        int nrhs = (int) b.columns();
        try (IntPointer pivots = new IntPointer(n)) {
            int info = a.dataType() == DataType.DOUBLE
                    ? LAPACKE_dsysv(LAPACK_COL_MAJOR, LOWER, n, nrhs, hostDoubles(a), n, pivots, hostDoubles(b), n)
                    : LAPACKE_ssysv(LAPACK_COL_MAJOR, LOWER, n, nrhs, hostFloats(a), n, pivots, hostFloats(b), n);
            written(a, b);
            return info;
        }
    }

    /**
     * The symmetric matrix whose lower triangle is that of {@code a}: what {@code dsyevd} decomposes.
     *
     * @param a square float64; not modified
     */
    private static INDArray lowerSymmetric(INDArray a) {
        int n = Math.toIntExact(a.rows());
        double[] e = Entries.of(a);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                e[i * n + j] = e[j * n + i];
            }
        }
        return Entries.matrix(e, n, n, 'c');
    }

    /**
     * {@code a} itself when BLAS can read it as it is ({@link Entries#isPlainRowMajor}), else a row-major copy.
     *
     * @param a not modified
     */
    static INDArray plainRowMajor(INDArray a) {
        return Entries.isPlainRowMajor(a) ? a : a.dup('c');
    }

    static DoublePointer doublesAt(Pointer base, long entry) {
        return new DoublePointer(base).position(entry);
    }

    static FloatPointer floatsAt(Pointer base, long entry) {
        return new FloatPointer(base).position(entry);
    }

    static Pointer bytesAt(Pointer base, long offset) {
        return new org.bytedeco.javacpp.BytePointer(base).position(offset);
    }
    /**
     * Hands every row of a row-major matrix (and the same row of a second one) to {@code transform} as float64 arrays
     * and writes them back ({@link RowSegments}).
     *
     * @param a row-major, offset 0, float32 or float64; modified: what {@code transform} leaves in its values
     * @param second row-major, offset 0, a's shape and data type, or null; modified: what {@code transform} leaves in
     *               its second array
     */
    public static void transformRows(INDArray a, INDArray second, RowTransform transform) {
        RowSegments segments = new RowSegments(a, second);
        for (int i = 0; i < a.rows(); i++) {
            segments.transform(i, 0, transform);
        }
        segments.finish();
    }

    /**
     * Lets {@code edit} read and overwrite the host memory of a contiguous row-major float64 matrix, row by row: it
     * is called with each row index and a buffer over that row's entries (one buffer per row, so that matrices of
     * more than 2³¹ entries work).
     *
     * @param a offset 0, row-major, default strides; modified: whatever {@code edit} writes, marked newest on the
     *          host afterwards
     */
    public static void editRows(INDArray a, RowEdit<DoubleBuffer> edit) {
        editRows(
                a,
                DataType.DOUBLE,
                (base, from, to) ->
                        new DoublePointer(base).position(from).limit(to).asBuffer(),
                edit);
    }

    /**
     * {@link #editRows(INDArray, RowEdit)} for a float32 matrix.
     *
     * @param a offset 0, row-major, default strides; modified: whatever {@code edit} writes
     */
    public static void editFloatRows(INDArray a, RowEdit<FloatBuffer> edit) {
        editRows(
                a,
                DataType.FLOAT,
                (base, from, to) ->
                        new FloatPointer(base).position(from).limit(to).asBuffer(),
                edit);
    }

    /** @param a modified: whatever {@code edit} writes, marked newest on the host afterwards */
    private static <B> void editRows(INDArray a, DataType type, RowView<B> view, RowEdit<B> edit) {
        Pointer base = hostRowMajor(a, type);
        long cols = a.columns();
        for (int i = 0; i < a.rows(); i++) {
            long from = i * cols;
            edit.row(i, view.of(base, from, from + cols));
        }
        written(a);
    }

    /** A buffer over the entries [from, to) of the memory at {@code base}. */
    private interface RowView<B> {
        B of(Pointer base, long from, long to);
    }

    /** What {@link #editRows} does with one row. */
    @FunctionalInterface
    public interface RowEdit<B> {
        /**
         * @param i   the row index
         * @param row the row's entries (index j = column j); modified: writes go to the matrix
         */
        void row(int i, B row);
    }

    /**
     * Copies the host memory of a contiguous float64 array into {@code out}, one bulk copy.
     *
     * @param a   offset 0, default strides; not modified
     * @param out length(a) entries; modified: overwritten with a's entries in a's storage order
     */
    static void copyTo(INDArray a, double[] out) {
        hostDoubles(a).get(out);
    }

    /**
     * Copies {@code values} into the host memory of a contiguous float64 array, one bulk copy.
     *
     * @param values length(a) entries in a's storage order; not modified
     * @param a      offset 0, default strides; modified: overwritten, marked newest on the host
     */
    static void copyFrom(double[] values, INDArray a) {
        hostDoubles(a).put(values);
        written(a);
    }

    /**
     * @param a not modified
     * @param b not modified
     */
    private static int checkInPlace(INDArray a, INDArray b) {
        if (!a.isMatrix() || a.rows() != a.columns() || a.offset() != 0) {
            throw new IllegalArgumentException("needs a square matrix with offset 0, got " + a.shapeInfoToString());
        }
        int n = Math.toIntExact(a.rows());
        if (b.rows() != n || b.offset() != 0 || b.ordering() != 'f' || b.stride(0) != 1) {
            throw new IllegalArgumentException(
                    "right-hand side must be a column-major " + n + "×c matrix, got " + b.shapeInfoToString());
        }
        return n;
    }

    /**
     * @param a not modified
     */
    static Pointer hostRowMajor(INDArray a, DataType type) {
        if (a.dataType() != type
                || !a.isMatrix()
                || a.ordering() != 'c'
                || a.offset() != 0
                || a.stride(1) != 1
                || a.stride(0) != a.columns()) {
            throw new IllegalArgumentException(
                    "needs a contiguous row-major " + type + " matrix, got " + a.shapeInfoToString());
        }
        return host(a);
    }

    private static void converged(int info, String routine) {
        if (info != 0) {
            throw new ArithmeticException(routine + " did not converge (info " + info + ")");
        }
    }

    /**
     * The host buffer of a float64 array, synchronised from the device first on a GPU backend.
     *
     * @param a not modified
     */
    private static DoublePointer hostDoubles(INDArray a) {
        return new DoublePointer(host(a));
    }

    /**
     * The host buffer of a float32 array, synchronised from the device first on a GPU backend.
     *
     * @param a not modified
     */
    private static FloatPointer hostFloats(INDArray a) {
        return new FloatPointer(host(a));
    }

    /**
     * @param a not modified
     */
    static Pointer host(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
        return a.data().addressPointer();
    }

    /**
     * Marks arrays that native code wrote on the host as newest there, so a GPU backend copies them over.
     *
     * @param arrays marked newest on the host; entries not modified
     */
    static void written(INDArray... arrays) {
        for (INDArray a : arrays) {
            Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
        }
    }
}
