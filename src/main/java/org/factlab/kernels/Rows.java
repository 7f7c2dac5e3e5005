package org.factlab.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk conversion between {@code double[][]} rows and ND4J matrices (ND4J's own {@code create(double[][])}
 * and {@code toDoubleMatrix()} go element by element and cost ~0.5 s per 10⁵ entries).
 */
final class Rows {

    private Rows() {}

    /**
     * A rows×cols matrix of the given type holding {@code rows}.
     *
     * @param rows not modified
     */
    static INDArray toMatrix(double[][] rows, DataType type) {
        int cols = rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " entries, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return Nd4j.create(flat, new long[] {rows.length, cols}, DataType.DOUBLE)
                .castTo(type);
    }

    /**
     * The rows of a matrix as float64.
     *
     * @param matrix not modified
     */
    static double[][] of(INDArray matrix) {
        int cols = (int) matrix.columns();
        double[] flat = matrix.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] rows = new double[(int) matrix.rows()][cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * cols, rows[i], 0, cols);
        }
        return rows;
    }
}
