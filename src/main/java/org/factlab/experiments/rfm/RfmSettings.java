package org.factlab.experiments.rfm;

import org.factlab.experiments.SpecField;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelFunction;
import org.factlab.kernels.Normalization;
import org.factlab.kernels.Precision;
import org.factlab.kernels.RfmOptions;

/**
 * The settings of Algorithm 1 that the parity and modular kinds' specs carry as a nested record. {@code SpecCodec}
 * flattens it: the JSON keys are these component names, side by side with the kind's own fields (a public
 * contract).
 */
public record RfmSettings(
        @SpecField(
                description = "RFM update (Algorithm 1, line 6): kernel = none (plain kernel regression), nfa = "
                        + "M ← AGOPˢ, fact = M ← (F Fᵀ)^{1/2}, fact-geometric = M ← ((F M)(F M)ᵀ)^{1/4} (F of "
                        + "Lemma F.1)")
        FeatureUpdate method,

        @SpecField(
                description = "Kernel: on the Mahalanobis distance laplace exp(−‖x − z‖_M/L) or gaussian exp(−‖x − "
                        + "z‖²_M/(2L²)) (Figures 5 and 6: gaussian); or the inner-product kernel exp-inner-product "
                        + "exp(xᵀMz/L²), for which Proposition 5.1 (Figure 7's τ against k′) holds as stated")
        KernelFunction kernel,

        @SpecField(description = "Bandwidth L (Figure 5: 5; Figure 6: 2.5)", min = 0, max = 1e6, minExclusive = true)
        double bandwidth,

        @SpecField(
                description = "Ridge reg = nλ in α = (K + reg·I)⁻¹Y; 0 interpolates (needs float64)",
                min = 0,
                max = 1e6)
        double reg,

        @SpecField(description = "Number of M updates T (T + 1 fits; Figure 5: 5; Figure 6: 75)", min = 0, max = 1000)
        int iterations,

        @SpecField(
                description = "Power s of the NFA update M ← AGOPˢ (1/2 by default)",
                min = 0,
                max = 4,
                minExclusive = true)
        double agopPower,

        @SpecField(
                description = "Center each output's gradients over the samples before the AGOP (NFA needs it "
                        + "to grok modular arithmetic: 73% test accuracy uncentered)")
        boolean center,

        @SpecField(
                description = "Rescale M after each update: none, max (max |Mₖₗ| = 1), trace (tr M = d), "
                        + "fro (‖M‖_F = √d); FACT-RFM on modular arithmetic needs one (unnormalized it freezes)")
        Normalization normalize,

        @SpecField(
                description = "Keep M diagonal: only diag(AGOP) or diag(F) is computed and the update's "
                        + "power acts on it entry by entry, as the RFM reference code's diag=True")
        boolean diagonal,

        @SpecField(description = "Precision of the n×n arrays (the d×d algebra is float64)")
        Precision precision) {

    /** The kernel machine's options. */
    public RfmOptions options() {
        return new RfmOptions(kernel, bandwidth, reg, method, agopPower, center, normalize, diagonal, precision);
    }
}
