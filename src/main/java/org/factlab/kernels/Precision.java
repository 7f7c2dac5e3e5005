package org.factlab.kernels;

import org.factlab.choice.Choice;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Floating-point precision of the n-sized arrays of a kernel machine (kernel matrices, coefficients,
 * data). The d×d feature-matrix algebra is always done in float64.
 */
public enum Precision implements Choice {
    FLOAT64(DataType.DOUBLE),
    FLOAT32(DataType.FLOAT);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    DataType dataType() {
        return dataType;
    }

    /** Bytes per element. */
    public int bytes() {
        return dataType.width();
    }
}
