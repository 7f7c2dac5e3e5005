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
 */
abstract sealed class NativeBuffer permits NativeBuffer.Floats, NativeBuffer.Doubles {

    static NativeBuffer allocate(DataType type, long length) {
        if (length < 1 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer length " + length + " out of range");
        }
        return switch (type) {
            case FLOAT -> new Floats((int) length);
            case DOUBLE -> new Doubles((int) length);
            default -> throw new IllegalArgumentException("the MLP trains in FLOAT or DOUBLE, not " + type);
        };
    }

    abstract int length();

    abstract double get(int i);

    abstract void set(int i, double value);

    /** Copies {@code count} entries of {@code source} (same type) from {@code from} to this buffer at {@code to}. */
    abstract void copy(NativeBuffer source, int from, int to, int count);

    /** A pointer to entry {@code offset}, for BLAS. */
    abstract Pointer pointer(int offset);

    /** Overwrites this buffer with the entries of {@code a} in C order (a.length() must equal the length). */
    abstract void read(INDArray a);

    /** A new ND4J vector of this buffer's type holding its entries. */
    abstract INDArray toArray();

    private static void checkLength(INDArray a, int length) {
        if (a.length() != length) {
            throw new IllegalArgumentException("array of length " + a.length() + " into a buffer of " + length);
        }
    }

    static final class Floats extends NativeBuffer {
        /** The memory, for BLAS calls over the whole buffer. */
        final FloatPointer memory;
        /** The memory as a direct buffer, for loops specialised to float32. */
        final FloatBuffer view;

        private Floats(int length) {
            memory = new FloatPointer(length);
            memory.zero();
            view = memory.asBuffer();
        }

        @Override
        int length() {
            return view.capacity();
        }

        @Override
        double get(int i) {
            return view.get(i);
        }

        @Override
        void set(int i, double value) {
            view.put(i, (float) value);
        }

        @Override
        void copy(NativeBuffer source, int from, int to, int count) {
            view.put(to, ((Floats) source).view, from, count);
        }

        @Override
        Pointer pointer(int offset) {
            return new FloatPointer(memory).position(offset);
        }

        @Override
        void read(INDArray a) {
            checkLength(a, length());
            view.put(0, Nd4j.toFlattened('c', a.castTo(DataType.FLOAT)).toFloatVector());
        }

        @Override
        INDArray toArray() {
            float[] values = new float[length()];
            view.get(0, values);
            return Nd4j.createFromArray(values);
        }
    }

    static final class Doubles extends NativeBuffer {
        private final DoublePointer memory;
        private final DoubleBuffer view;

        private Doubles(int length) {
            memory = new DoublePointer(length);
            memory.zero();
            view = memory.asBuffer();
        }

        @Override
        int length() {
            return view.capacity();
        }

        @Override
        double get(int i) {
            return view.get(i);
        }

        @Override
        void set(int i, double value) {
            view.put(i, value);
        }

        @Override
        void copy(NativeBuffer source, int from, int to, int count) {
            view.put(to, ((Doubles) source).view, from, count);
        }

        @Override
        Pointer pointer(int offset) {
            return new DoublePointer(memory).position(offset);
        }

        @Override
        void read(INDArray a) {
            checkLength(a, length());
            view.put(0, Nd4j.toFlattened('c', a.castTo(DataType.DOUBLE)).toDoubleVector());
        }

        @Override
        INDArray toArray() {
            double[] values = new double[length()];
            view.get(0, values);
            return Nd4j.createFromArray(values);
        }
    }
}
