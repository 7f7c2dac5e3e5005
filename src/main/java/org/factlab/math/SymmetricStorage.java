package org.factlab.math;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRight;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dnrm2;
import static org.bytedeco.openblas.global.openblas.cblas_dsymm;
import static org.bytedeco.openblas.global.openblas.cblas_dsymv;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas.cblas_snrm2;
import static org.bytedeco.openblas.global.openblas.cblas_ssymm;
import static org.bytedeco.openblas.global.openblas.cblas_ssymv;
import static org.factlab.math.NativeLinearAlgebra.bytesAt;
import static org.factlab.math.NativeLinearAlgebra.doublesAt;
import static org.factlab.math.NativeLinearAlgebra.floatsAt;
import static org.factlab.math.NativeLinearAlgebra.host;
import static org.factlab.math.NativeLinearAlgebra.hostRowMajor;
import static org.factlab.math.NativeLinearAlgebra.plainRowMajor;
import static org.factlab.math.NativeLinearAlgebra.written;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Symmetric n×n matrices stored by their upper triangle (row-major; the strict lower triangle may hold anything): the
 * RFM's training-set kernel and κ (docs/architecture.md, "The RFM's kernel matrix: one triangle"). Each operation is
 * one BLAS call or one pass in Java over host memory, reached through {@link NativeLinearAlgebra}'s host-buffer access
 * (which keeps a GPU backend's copies in step).
 */
public final class SymmetricStorage {

    private SymmetricStorage() {}

    /**
     * The upper triangle of the symmetric product C = L·Rᵀ (n×n from n×k factors), transformed row by row, into
     * {@code out} (and a second matrix the transform fills alongside, e.g. a kernel's κ), in strips of {@code strip}
     * rows: one GEMM per strip from the strip's first diagonal entry to the last column, written into {@code out}
     * (about half the flops of the whole product), then, on the calling thread while the strip is still in cache, each
     * row's segment copied out as float64, handed to {@code transform} and written back (to {@code second} too when
     * given). Row i is written from column ⌊i/strip⌋·strip on (the upper triangle and the lower triangle of its
     * diagonal block); the other entries are left as they were.
     *
     * @param left n×k, float32 or float64; not modified
     * @param right n×k, left's data type; not modified
     * @param out n×n row-major, offset 0, left's data type; modified: see above
     * @param second n×n row-major, offset 0, left's data type, or null; modified: see above
     */
    public static void upperProductByRows(
            INDArray left, INDArray right, int strip, RowTransform transform, INDArray out, INDArray second) {
        DataType type = left.dataType();
        int n = Math.toIntExact(left.rows());
        int k = Math.toIntExact(left.columns());
        if (right.dataType() != type || right.rows() != n || right.columns() != k || out.rows() != n) {
            throw new IllegalArgumentException("needs two n×k factors and an n×n matrix of one type, got "
                    + left.shapeInfoToString() + right.shapeInfoToString() + out.shapeInfoToString());
        }
        Pointer lp = host(plainRowMajor(left));
        Pointer rp = host(plainRowMajor(right));
        Pointer op = hostRowMajor(out, type);
        boolean doubles = type == DataType.DOUBLE;
        RowSegments segments = new RowSegments(out, second);
        for (int i0 = 0; i0 < n; i0 += strip) {
            int rows = Math.min(strip, n - i0);
            int width = n - i0;
            long at = (long) i0 * n + i0;
            if (doubles) {
                cblas_dgemm(
                        CblasRowMajor,
                        CblasNoTrans,
                        CblasTrans,
                        rows,
                        width,
                        k,
                        1.0,
                        doublesAt(lp, (long) i0 * k),
                        k,
                        doublesAt(rp, (long) i0 * k),
                        k,
                        0.0,
                        doublesAt(op, at),
                        n);
            } else {
                cblas_sgemm(
                        CblasRowMajor,
                        CblasNoTrans,
                        CblasTrans,
                        rows,
                        width,
                        k,
                        1f,
                        floatsAt(lp, (long) i0 * k),
                        k,
                        floatsAt(rp, (long) i0 * k),
                        k,
                        0f,
                        floatsAt(op, at),
                        n);
            }
            for (int q = 0; q < rows; q++) {
                segments.transform(i0 + q, i0, transform);
            }
        }
        segments.finish();
    }

    /**
     * A·B for a symmetric A of which only the upper triangle is read ({@code cblas_?symv} per column for a few columns,
     * else {@code cblas_?symm}): a new n×c array.
     *
     * @param upper n×n, float32 or float64; not modified (of a row-major copy, the strict lower triangle is not read)
     * @param b n×c; not modified
     */
    public static INDArray symmetricProduct(INDArray upper, INDArray b) {
        DataType type = upper.dataType();
        int n = Math.toIntExact(upper.rows());
        if (upper.columns() != n || b.rows() != n) {
            throw new IllegalArgumentException(
                    "needs n×n times n×c, got " + upper.shapeInfoToString() + b.shapeInfoToString());
        }
        int c = Math.toIntExact(b.columns());
        Pointer a = host(plainRowMajor(upper));
        if (c <= MATRIX_VECTOR_COLUMNS) {
            // ?symm is slow for a handful of columns (≈ 7× one ?symv per column at n = 5000, c = 1)
            INDArray right = b.castTo(type).dup('f');
            INDArray columns = Nd4j.create(type, new long[] {n, c}, 'f');
            Pointer x = host(right);
            Pointer y = host(columns);
            for (int j = 0; j < c; j++) {
                long at = (long) j * n;
                if (type == DataType.DOUBLE) {
                    cblas_dsymv(
                            CblasRowMajor,
                            CblasUpper,
                            n,
                            1.0,
                            doublesAt(a, 0),
                            n,
                            doublesAt(x, at),
                            1,
                            0.0,
                            doublesAt(y, at),
                            1);
                } else {
                    cblas_ssymv(
                            CblasRowMajor,
                            CblasUpper,
                            n,
                            1f,
                            floatsAt(a, 0),
                            n,
                            floatsAt(x, at),
                            1,
                            0f,
                            floatsAt(y, at),
                            1);
                }
            }
            written(columns);
            return columns;
        }
        // (A B)ᵀ = Bᵀ A from the right: row-major Bᵀ and (A B)ᵀ are B and A B column-major, and this side runs ≈ 15 %
        // faster than the left one for an n×n A and a few dozen columns
        INDArray right = b.castTo(type).dup('f');
        INDArray out = Nd4j.create(type, new long[] {n, c}, 'f');
        if (type == DataType.DOUBLE) {
            cblas_dsymm(
                    CblasRowMajor,
                    CblasRight,
                    CblasUpper,
                    c,
                    n,
                    1.0,
                    doublesAt(a, 0),
                    n,
                    doublesAt(host(right), 0),
                    n,
                    0.0,
                    doublesAt(host(out), 0),
                    n);
        } else {
            cblas_ssymm(
                    CblasRowMajor,
                    CblasRight,
                    CblasUpper,
                    c,
                    n,
                    1f,
                    floatsAt(a, 0),
                    n,
                    floatsAt(host(right), 0),
                    n,
                    0f,
                    floatsAt(host(out), 0),
                    n);
        }
        written(out);
        return out;
    }

    /**
     * Copies the upper triangle (diagonal included) of a row-major square matrix into another's.
     *
     * @param from n×n row-major, offset 0; not modified
     * @param to n×n row-major, offset 0, the same data type; modified: upper triangle overwritten
     */
    public static void copyUpper(INDArray from, INDArray to) {
        DataType type = from.dataType();
        int n = Math.toIntExact(from.rows());
        if (to.rows() != n || to.columns() != n || from.columns() != n) {
            throw new IllegalArgumentException(
                    "needs two n×n matrices, got " + from.shapeInfoToString() + to.shapeInfoToString());
        }
        Pointer source = host(plainRowMajor(from));
        Pointer target = hostRowMajor(to, type);
        long bytes = type == DataType.DOUBLE ? Double.BYTES : Float.BYTES;
        for (long i = 0; i < n; i++) {
            long at = (i * n + i) * bytes;
            Pointer.memcpy(bytesAt(target, at), bytesAt(source, at), (n - i) * bytes);
        }
        written(to);
    }

    /**
     * ‖A‖_F of a symmetric matrix from its upper triangle: √(Σᵢ aᵢᵢ² + 2 Σᵢ&lt;ⱼ aᵢⱼ²), row segments by
     * {@code cblas_?nrm2} (scaled, so no overflow before the norm itself overflows).
     *
     * @param upper n×n row-major, offset 0; not modified (its strict lower triangle is not read)
     */
    public static double upperFrobeniusNorm(INDArray upper) {
        DataType type = upper.dataType();
        int n = Math.toIntExact(upper.rows());
        requireSquare(upper);
        Pointer a = host(plainRowMajor(upper));
        double[] segments = new double[n];
        double[] diagonal = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            long at = (long) i * n + i;
            if (type == DataType.DOUBLE) {
                segments[i] = cblas_dnrm2(n - i, doublesAt(a, at), 1);
                diagonal[i] = doublesAt(a, at).get();
            } else {
                segments[i] = cblas_snrm2(n - i, floatsAt(a, at), 1);
                diagonal[i] = floatsAt(a, at).get();
            }
            largest = Math.max(largest, segments[i]);
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return largest;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = segments[i] / largest;
            double d = diagonal[i] / largest;
            sum += 2 * s * s - d * d;
        }
        return largest * Math.sqrt(Math.max(sum, 0));
    }

    /**
     * Whether every entry of the upper triangle (diagonal included) is finite: one pass in Java, for the rare case that
     * the norm alone cannot tell.
     *
     * @param upper n×n row-major, offset 0; not modified
     */
    public static boolean upperFinite(INDArray upper) {
        DataType type = upper.dataType();
        int n = Math.toIntExact(upper.rows());
        requireSquare(upper);
        Pointer a = host(plainRowMajor(upper));
        for (int i = 0; i < n; i++) {
            long at = (long) i * n + i;
            if (type == DataType.DOUBLE) {
                DoubleBuffer row = doublesAt(a, at).limit(at + n - i).asBuffer();
                while (row.hasRemaining()) {
                    if (!Double.isFinite(row.get())) {
                        return false;
                    }
                }
            } else {
                FloatBuffer row = floatsAt(a, at).limit(at + n - i).asBuffer();
                while (row.hasRemaining()) {
                    if (!Float.isFinite(row.get())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Fills the strict lower triangle of a square matrix from its upper triangle (aⱼᵢ = aᵢⱼ for j &gt; i), in
     * {@value #MIRROR_TILE}² tiles: each tile's rows are read in bulk, transposed in Java and written in bulk.
     *
     * @param a n×n row-major, offset 0, float32 or float64; modified: strict lower triangle overwritten
     */
    public static void mirrorUpper(INDArray a) {
        DataType type = a.dataType();
        int n = Math.toIntExact(a.rows());
        if (a.columns() != n) {
            throw new IllegalArgumentException("needs a square matrix, got " + a.shapeInfoToString());
        }
        Pointer base = hostRowMajor(a, type);
        boolean doubles = type == DataType.DOUBLE;
        DoubleBuffer[] doubleRows = new DoubleBuffer[doubles ? n : 0];
        FloatBuffer[] floatRows = new FloatBuffer[doubles ? 0 : n];
        for (int i = 0; i < n; i++) {
            long from = (long) i * n;
            if (doubles) {
                doubleRows[i] = doublesAt(base, from).limit(from + n).asBuffer();
            } else {
                floatRows[i] = floatsAt(base, from).limit(from + n).asBuffer();
            }
        }
        double[] tile = new double[MIRROR_TILE * MIRROR_TILE];
        double[] column = new double[MIRROR_TILE];
        float[] floats = new float[MIRROR_TILE];
        for (int r0 = 0; r0 < n; r0 += MIRROR_TILE) {
            int rows = Math.min(MIRROR_TILE, n - r0);
            for (int c0 = r0; c0 < n; c0 += MIRROR_TILE) {
                int cols = Math.min(MIRROR_TILE, n - c0);
                for (int q = 0; q < rows; q++) {
                    if (doubles) {
                        doubleRows[r0 + q].get(c0, tile, q * MIRROR_TILE, cols);
                    } else {
                        floatRows[r0 + q].get(c0, floats, 0, cols);
                        for (int j = 0; j < cols; j++) {
                            tile[q * MIRROR_TILE + j] = floats[j];
                        }
                    }
                }
                // row c0 + j of the lower triangle gets column j of the tile, left of the diagonal
                for (int j = 0; j < cols; j++) {
                    int length = Math.min(rows, c0 + j - r0);
                    if (doubles) {
                        for (int q = 0; q < length; q++) {
                            column[q] = tile[q * MIRROR_TILE + j];
                        }
                        doubleRows[c0 + j].put(r0, column, 0, Math.max(length, 0));
                    } else {
                        for (int q = 0; q < length; q++) {
                            floats[q] = (float) tile[q * MIRROR_TILE + j];
                        }
                        floatRows[c0 + j].put(r0, floats, 0, Math.max(length, 0));
                    }
                }
            }
        }
        written(a);
    }

    /** @param a not modified */
    private static void requireSquare(INDArray a) {
        if (!a.isMatrix() || a.rows() != a.columns()) {
            throw new IllegalArgumentException("needs a square matrix, got " + a.shapeInfoToString());
        }
    }

    /** Up to this many columns, a symmetric product is one ?symv per column. */
    private static final int MATRIX_VECTOR_COLUMNS = 4;

    /** Rows and columns of the tiles {@link #mirrorUpper} transposes at a time. */
    private static final int MIRROR_TILE = 64;
}
