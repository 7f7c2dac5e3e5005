package org.factlab.math;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products as one BLAS GEMM call each, written into a fresh C-ordered result of the operands' data
 * type. Transposes are GEMM flags, never copies. (ND4J's {@code mmul} costs 2–2.5× the GEMM for k ≈ 1000
 * square float64 matrices on the development VM, transposed operand or not; see bench/README.md.)
 */
public final class Products {

    private Products() {}

    /**
     * op(A) op(B), op = transpose where the flag is set.
     *
     * @param a not modified
     * @param b not modified
     */
    public static INDArray product(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        long rows = transposeA ? a.columns() : a.rows();
        long columns = transposeB ? b.rows() : b.columns();
        INDArray out = Nd4j.create(a.dataType(), new long[] {rows, columns}, 'c');
        return Nd4j.gemm(a, b, out, transposeA, transposeB, 1.0, 0.0);
    }

    /**
     * A B.
     *
     * @param a not modified
     * @param b not modified
     */
    public static INDArray times(INDArray a, INDArray b) {
        return product(a, false, b, false);
    }

    /**
     * Aᵀ B.
     *
     * @param a not modified
     * @param b not modified
     */
    public static INDArray transposeTimes(INDArray a, INDArray b) {
        return product(a, true, b, false);
    }

    /**
     * A Bᵀ.
     *
     * @param a not modified
     * @param b not modified
     */
    public static INDArray timesTranspose(INDArray a, INDArray b) {
        return product(a, false, b, true);
    }

    /**
     * Aᵀ B A: B (m×m) pulled back through A (m×k) to k×k.
     *
     * @param a not modified
     * @param b not modified
     */
    public static INDArray congruence(INDArray a, INDArray b) {
        return times(transposeTimes(a, b), a);
    }
}
