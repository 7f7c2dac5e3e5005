package org.factlab.experiments.modular;

import org.factlab.data.ModularArithmeticData;
import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.rfm.RfmSpecs;
import org.factlab.kernels.RfmOptions;

/**
 * Spec of a Recursive Feature Machine on modular arithmetic (§4.3, Figures 6 and 7). Field names are a
 * public contract (JSON keys, CSV exports, presets).
 */
public record ModularSpec(
        @SpecField(description = "RFM update (Algorithm 1, line 6): kernel = none (plain kernel regression), nfa = "
                + "M ← AGOPˢ, fact = M ← (F Fᵀ)^{1/2}, fact-geometric = M ← ((F M)(F M)ᵀ)^{1/4} (F of Lemma F.1)",
                choices = {"kernel", "nfa", "fact", "fact-geometric"})
        String method,
        @SpecField(description = "Kernel on the Mahalanobis distance: laplace exp(−‖x − z‖_M/L) or gaussian "
                + "exp(−‖x − z‖²_M/(2L²)) (Figure 6: gaussian)", choices = {"laplace", "gaussian"})
        String kernel,
        @SpecField(description = "Bandwidth L (Figure 6: 2.5)", min = 0, max = 1e6, minExclusive = true)
        double bandwidth,
        @SpecField(description = "Ridge reg = nλ in α = (K + reg·I)⁻¹Y; 0 interpolates (needs float64)", min = 0,
                max = 1e6)
        double reg,
        @SpecField(description = "Number of M updates T (T + 1 fits; Figure 6: 75)", min = 0, max = 1000)
        int iterations,
        @SpecField(description = "Power s of the NFA update M ← AGOPˢ (1/2 by default)", min = 0, max = 4,
                minExclusive = true)
        double agopPower,
        @SpecField(description = "Centre each output's gradients over the samples before the AGOP (NFA needs it "
                + "to grok: 73% test accuracy uncentred)")
        boolean center,
        @SpecField(description = "Rescale M after each update: none, max (max |Mₖₗ| = 1), trace (tr M = d), "
                + "fro (‖M‖_F = √d); FACT-RFM needs one (unnormalised it freezes)",
                choices = {"none", "max", "trace", "fro"})
        String normalize,
        @SpecField(description = "Keep M diagonal (the root acts on the diagonal of the update)")
        boolean diagonal,
        @SpecField(description = "Precision of the n×n arrays (the d×d algebra is float64)",
                choices = {"float64", "float32"})
        String precision,
        @SpecField(description = "Random seed of the train/test split", min = 0, max = 9.007199254740992E15)
        long seed,
        @SpecField(description = "Modulus p (Figure 6: 61); inputs have 2p dimensions, targets p", min = 2, max = 500)
        int p,
        @SpecField(description = "Operation (a ∘ b) mod p; div is a·b⁻¹ with b ≠ 0 and needs a prime p",
                choices = {"add", "sub", "mul", "div"})
        String operation,
        @SpecField(description = "Fraction of the pairs used for training (Figure 6: 0.5)", min = 0, max = 1,
                minExclusive = true)
        double trainFraction) {

    public ModularSpec {
        if (trainFraction >= 1) {
            throw new SpecValidationException("trainFraction", trainFraction + " is out of range; allowed: number in "
                    + "(0, 1) (some pairs must be left for testing)");
        }
        if ("div".equals(operation) && !ModularArithmeticData.isPrime(p)) {
            throw new SpecValidationException("p", p + " is not allowed with operation div; allowed: a prime (every "
                    + "b ≠ 0 needs an inverse mod p)");
        }
    }

    public ModularArithmeticData.Operation arithmetic() {
        return ModularArithmeticData.Operation.fromId(operation);
    }

    /** Number of training pairs of the split. */
    public int trainSize() {
        return ModularArithmeticData.trainSize(pairs(), trainFraction);
    }

    /** Number of (a, b) pairs. */
    public int pairs() {
        return ModularArithmeticData.pairCount(p, arithmetic());
    }

    public RfmOptions rfmOptions() {
        return RfmSpecs.options(method, kernel, bandwidth, reg, agopPower, center, normalize, diagonal, precision);
    }
}
