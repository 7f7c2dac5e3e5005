package org.factlab.kernels;

import org.factlab.choice.Choice;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Floating-point precision of the n-sized arrays of a kernel machine (kernel matrices, coefficients,
 * data). The d×d feature-matrix algebra is always done in float64.
 */
public enum Precision implements Choice {
    FLOAT64("float64", DataType.DOUBLE),
    FLOAT32("float32", DataType.FLOAT);

    private final String id;
    private final DataType dataType;

    Precision(String id, DataType dataType) {
        this.id = id;
        this.dataType = dataType;
    }

    /** The spec value, e.g. {@code "float64"}. */
    @Override
    public String id() {
        return id;
    }

    DataType dataType() {
        return dataType;
    }

    /** Bytes per element. */
    public int bytes() {
        return dataType.width();
    }

}
