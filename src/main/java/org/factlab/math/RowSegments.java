package org.factlab.math;

import static org.factlab.math.NativeLinearAlgebra.doublesAt;
import static org.factlab.math.NativeLinearAlgebra.floatsAt;
import static org.factlab.math.NativeLinearAlgebra.hostRowMajor;
import static org.factlab.math.NativeLinearAlgebra.written;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Row segments of a row-major matrix (and of a second one of its shape beside it) handed to a {@link RowTransform}
 * as float64 arrays and written back: one bulk copy each way per segment, through the gateway's host-buffer access.
 * Call {@link #finish()} after the last segment.
 */
final class RowSegments {

    private final INDArray out;
    private final INDArray second;
    private final long columns;
    private final boolean doubles;
    private final Pointer outMemory;
    private final Pointer secondMemory;
    private final double[] values;
    private final double[] secondValues;
    private final float[] floats;

    /**
     * @param out row-major, offset 0, float32 or float64; modified by {@link #transform}
     * @param second row-major, offset 0, out's shape and data type, or null; modified by {@link #transform}
     */
    RowSegments(INDArray out, INDArray second) {
        DataType type = out.dataType();
        this.out = out;
        this.second = second;
        this.columns = out.columns();
        this.doubles = type == DataType.DOUBLE;
        this.outMemory = hostRowMajor(out, type);
        this.secondMemory = second == null ? null : hostRowMajor(second, type);
        int width = Math.toIntExact(columns);
        this.values = new double[width];
        this.secondValues = new double[second == null ? 0 : width];
        this.floats = new float[doubles ? 0 : width];
    }

    /** Applies {@code transform} to columns from … n − 1 of row i. */
    void transform(int i, int from, RowTransform transform) {
        long at = i * columns + from;
        int width = Math.toIntExact(columns - from);
        read(at, width);
        transform.row(i, from, values, secondValues, width);
        write(values, outMemory, at, width);
        if (secondMemory != null) {
            write(secondValues, secondMemory, at, width);
        }
    }

    /** Marks both matrices newest on the host. */
    void finish() {
        written(out);
        if (second != null) {
            written(second);
        }
    }

    private void read(long at, int width) {
        if (doubles) {
            doublesAt(outMemory, at).limit(at + width).asBuffer().get(0, values, 0, width);
        } else {
            floatsAt(outMemory, at).limit(at + width).asBuffer().get(0, floats, 0, width);
            for (int j = 0; j < width; j++) {
                values[j] = floats[j];
            }
        }
    }

    private void write(double[] entries, Pointer memory, long at, int width) {
        if (doubles) {
            doublesAt(memory, at).limit(at + width).asBuffer().put(0, entries, 0, width);
        } else {
            for (int j = 0; j < width; j++) {
                floats[j] = (float) entries[j];
            }
            floatsAt(memory, at).limit(at + width).asBuffer().put(0, floats, 0, width);
        }
    }
}
