package org.factlab.experiments.rfm;

import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelFunction;
import org.factlab.kernels.Normalisation;
import org.factlab.kernels.Precision;
import org.factlab.kernels.RfmOptions;

/** The RFM settings every RFM kind's spec carries (same field names in every kind: a public contract). */
public final class RfmSpecs {

    private RfmSpecs() {
    }

    /** Builds the options from the spec fields of the same names. */
    public static RfmOptions options(String method, String kernel, double bandwidth, double reg, double agopPower,
                                     boolean center, String normalize, boolean diagonal, String precision) {
        return new RfmOptions(KernelFunction.fromId(kernel), bandwidth, reg, FeatureUpdate.fromId(method), agopPower,
                center, Normalisation.fromId(normalize), diagonal, Precision.fromId(precision));
    }
}
