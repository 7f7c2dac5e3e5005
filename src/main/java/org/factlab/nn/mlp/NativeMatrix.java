package org.factlab.nn.mlp;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A row-major rows×cols block of a {@link NativeBuffer} from entry {@code offset} on (leading dimension cols),
 * with its BLAS pointer made once: a product is one {@code cblas_?gemm} call with transposes as flags, no
 * allocation and no framework bookkeeping. The BLAS is the OpenBLAS that nd4j-native ships (org.bytedeco), on
 * the threads ND4J gives it ({@code factlab.cpu-threads}).
 */
public final class NativeMatrix {

    public final NativeBuffer buffer;
    public final int offset;
    public final int rows;
    public final int cols;
    private final Pointer pointer;

    public NativeMatrix(NativeBuffer buffer, int offset, int rows, int cols) {
        if (offset < 0 || (long) offset + (long) rows * cols > buffer.length()) {
            throw new IllegalArgumentException(
                    rows + "×" + cols + " at " + offset + " exceeds a buffer of " + buffer.length());
        }
        this.buffer = buffer;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.pointer = buffer.pointer(offset);
    }

    public int size() {
        return rows * cols;
    }

    /** this ← α op(A) op(B) + β this, op = transpose where the flag is set. */
    public void gemm(
            NativeMatrix a, boolean transposeA, NativeMatrix b, boolean transposeB, double alpha, double beta) {
        int m = transposeA ? a.cols : a.rows;
        int k = transposeA ? a.rows : a.cols;
        int n = transposeB ? b.rows : b.cols;
        if (m != rows || n != cols || k != (transposeB ? b.cols : b.rows)) {
            throw new IllegalArgumentException("product of " + a.rows + "×" + a.cols + (transposeA ? "ᵀ" : "") + " and "
                    + b.rows + "×" + b.cols + (transposeB ? "ᵀ" : "") + " into " + rows + "×" + cols);
        }
        int ta = transposeA ? CblasTrans : CblasNoTrans;
        int tb = transposeB ? CblasTrans : CblasNoTrans;
        if (pointer instanceof FloatPointer c) {
            cblas_sgemm(
                    CblasRowMajor,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    (float) alpha,
                    (FloatPointer) a.pointer,
                    a.cols,
                    (FloatPointer) b.pointer,
                    b.cols,
                    (float) beta,
                    c,
                    cols);
        } else {
            cblas_dgemm(
                    CblasRowMajor,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    alpha,
                    (DoublePointer) a.pointer,
                    a.cols,
                    (DoublePointer) b.pointer,
                    b.cols,
                    beta,
                    (DoublePointer) pointer,
                    cols);
        }
    }
}
