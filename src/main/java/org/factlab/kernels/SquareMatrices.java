package org.factlab.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Views and reductions of square ND4J matrices that the kernel code needs. */
final class SquareMatrices {

    private SquareMatrices() {}

    /**
     * The diagonal of a contiguous square matrix as a strided view (writes go through).
     *
     * @param square not modified here; writes to the returned view go to it
     */
    static INDArray diagonal(INDArray square) {
        long n = square.rows();
        long[] strides = square.stride();
        boolean contiguous =
                square.offset() == 0 && (strides[0] == 1 || strides[1] == 1) && Math.max(strides[0], strides[1]) == n;
        if (!square.isMatrix() || square.columns() != n || !contiguous) {
            throw new IllegalArgumentException("needs a contiguous square matrix, got " + square.shapeInfoToString());
        }
        return Nd4j.create(square.data(), new long[] {n}, new long[] {n + 1}, 0, 'c', square.dataType());
    }

    /**
     * tr(A).
     *
     * @param square not modified
     */
    static double trace(INDArray square) {
        return diagonal(square).sumNumber().doubleValue();
    }
}
