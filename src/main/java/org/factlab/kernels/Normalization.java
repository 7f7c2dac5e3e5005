package org.factlab.kernels;

import org.factlab.choice.Choice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Rescaling of M after each RFM update. The scale of M is a dynamical variable of the fixed-point
 * iteration (unnormalised FACT updates oscillate, diverge or freeze); every normalisation gives M the size
 * of the initial M = I in its own norm.
 */
public enum Normalization implements Choice {
    /** M as the update produced it. */
    NONE,
    /** max |Mₖₗ| = 1. */
    MAX,
    /** tr(M) = d. */
    TRACE,
    /** ‖M‖_F = √d. */
    FRO;

    /**
     * Rescales the d×d matrix {@code m} in place; throws when M is zero or not finite.
     *
     * @param m modified: divided by its size (and returned)
     */
    INDArray apply(INDArray m) {
        double d = m.rows();
        double size = switch (this) {
            case NONE -> 1;
            case MAX -> Transforms.abs(m, true).maxNumber().doubleValue();
            case TRACE -> SquareMatrices.trace(m) / d;
            case FRO -> m.norm2Number().doubleValue() / Math.sqrt(d);
        };
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new KernelMachineException("cannot normalize M (" + id() + "): its size is " + size
                    + "; the update made M zero or not finite");
        }
        return m.divi(size);
    }
}
