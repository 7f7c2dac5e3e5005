package org.factlab.nn.mlp;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Flat float32 or float64 native memory of the lean trainer, allocated once per run and zeroed: Java reads and
 * writes it through a direct NIO view, BLAS works on pointers into it ({@link NativeMatrix}). Host memory on
 * every ND4J backend; ND4J arrays are only read ({@link #read}) and written ({@link #toArray}) at the edges.
 * Exactly one of the float32 pair ({@link #floatMemory}, {@link #floats}) and the float64 pair is set; hot loops
 * specialised to float32 use the former directly.
 */
public final class NativeBuffer {

    /** The float32 memory, for BLAS calls over the whole buffer; null in a float64 buffer. */
    final FloatPointer floatMemory;
    /** The float32 memory as a direct buffer, for loops specialised to float32; null in a float64 buffer. */
    final FloatBuffer floats;

    private final DoublePointer doubleMemory;
    private final DoubleBuffer doubles;
    private final int length;

    private NativeBuffer(DataType type, int length) {
        this.length = length;
        boolean single = type == DataType.FLOAT;
        floatMemory = single ? new FloatPointer(length) : null;
        doubleMemory = single ? null : new DoublePointer(length);
        memory().zero();
        floats = single ? floatMemory.asBuffer() : null;
        doubles = single ? null : doubleMemory.asBuffer();
    }

    public static NativeBuffer allocate(DataType type, long length) {
        if (length < 1 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer length " + length + " out of range");
        }
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("the MLP trains in FLOAT or DOUBLE, not " + type);
        }
        return new NativeBuffer(type, (int) length);
    }

    /** True for float32 memory ({@link #floatMemory} and {@link #floats} set). */
    public boolean isFloat() {
        return floatMemory != null;
    }

    public int length() {
        return length;
    }

    public double get(int i) {
        return isFloat() ? floats.get(i) : doubles.get(i);
    }

    public void set(int i, double value) {
        if (isFloat()) {
            floats.put(i, (float) value);
        } else {
            doubles.put(i, value);
        }
    }

    /**
     * Copies {@code count} consecutive entries of {@code source} (same type) from {@code from} into this buffer at
     * {@code to}, {@code to + stride}, {@code to + 2·stride}, …: a row of a row-major matrix into a column of a
     * row-major matrix with {@code stride} columns.
     */
    void copyToColumn(NativeBuffer source, int from, int to, int stride, int count) {
        for (int j = 0; j < count; j++) {
            if (isFloat()) {
                floats.put(to + j * stride, source.floats.get(from + j));
            } else {
                doubles.put(to + j * stride, source.doubles.get(from + j));
            }
        }
    }

    /** A pointer to entry {@code offset}, for BLAS. */
    Pointer pointer(int offset) {
        return isFloat()
                ? new FloatPointer(floatMemory).position(offset)
                : new DoublePointer(doubleMemory).position(offset);
    }

    /** Overwrites this buffer with the entries of {@code a} in C order (a.length() must equal the length). */
    public void read(INDArray a) {
        if (a.length() != length) {
            throw new IllegalArgumentException("array of length " + a.length() + " into a buffer of " + length);
        }
        INDArray flat = Nd4j.toFlattened('c', a.castTo(isFloat() ? DataType.FLOAT : DataType.DOUBLE));
        if (isFloat()) {
            floats.put(0, flat.toFloatVector());
        } else {
            doubles.put(0, flat.toDoubleVector());
        }
    }

    /** A new ND4J vector of this buffer's type holding its entries. */
    public INDArray toArray() {
        if (isFloat()) {
            float[] values = new float[length];
            floats.get(0, values);
            return Nd4j.createFromArray(values);
        }
        double[] values = new double[length];
        doubles.get(0, values);
        return Nd4j.createFromArray(values);
    }

    private Pointer memory() {
        return isFloat() ? floatMemory : doubleMemory;
    }
}
