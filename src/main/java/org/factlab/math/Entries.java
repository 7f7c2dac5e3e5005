package org.factlab.math;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The entries of a float64 ND4J matrix as a Java array and back, by one bulk memory copy each
 * ({@link NativeLinearAlgebra}, which also synchronises a GPU backend's host copy), so that passes over the
 * entries run as plain loops. (ND4J's own {@code asDouble()} and {@code create(double[])} copy entry by
 * entry through an indexer: ≈ 30 ms and 60 ms for 1024² entries on the development VM, against ≈ 1 ms.)
 */
final class Entries {

    private Entries() {}

    /**
     * The entries in row-major order.
     *
     * @param a not modified
     */
    static double[] of(INDArray a) {
        INDArray plain = isPlainRowMajor(a) && a.dataType() == DataType.DOUBLE
                ? a
                : a.castTo(DataType.DOUBLE).dup('c');
        double[] out = new double[Math.toIntExact(plain.length())];
        NativeLinearAlgebra.copyTo(plain, out);
        return out;
    }

    /**
     * The entries in row-major order, rounded to float32 (for stored snapshots).
     *
     * @param a not modified
     */
    static float[] floats(INDArray a) {
        return floats(of(a));
    }

    /**
     * @param values not modified
     */
    static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /**
     * A rows×columns float64 matrix holding {@code values} in the given order ('c' row-major, 'f' column-major).
     *
     * @param values not modified (copied)
     */
    static INDArray matrix(double[] values, long rows, long columns, char order) {
        if (values.length != rows * columns) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + "×" + columns + " matrix");
        }
        INDArray m = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, columns}, order);
        NativeLinearAlgebra.copyFrom(values, m);
        return m;
    }

    /**
     * Whether the array's buffer holds exactly its entries in row-major order (offset 0, default strides).
     *
     * @param a not modified
     */
    static boolean isPlainRowMajor(INDArray a) {
        return a.ordering() == 'c'
                && a.offset() == 0
                && Shape.hasDefaultStridesForShape(a)
                && a.length() == a.data().length();
    }

    /**
     * Σ a².
     *
     * @param a not modified
     */
    static double squaredNorm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /**
     * @param a not modified
     */
    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
