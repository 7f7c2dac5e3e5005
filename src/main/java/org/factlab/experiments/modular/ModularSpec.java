package org.factlab.experiments.modular;

import org.factlab.data.ModularArithmeticData;
import org.factlab.data.ModularArithmeticData.Operation;
import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.rfm.RfmSettings;
import org.factlab.kernels.RfmOptions;

/**
 * Spec of a Recursive Feature Machine on modular arithmetic (§4.3, Figures 6 and 7). Field names are a
 * public contract (JSON keys, CSV exports, presets).
 */
public record ModularSpec(
        RfmSettings rfm,

        @SpecField(description = "Random seed of the train/test split", min = 0, max = 9.007199254740992E15)
        long seed,

        @SpecField(description = "Modulus p (Figure 6: 61); inputs have 2p dimensions, targets p", min = 2, max = 500)
        int p,

        @SpecField(description = "Operation (a ∘ b) mod p; div is a·b⁻¹ with b ≠ 0 and needs a prime p")
        Operation operation,

        @SpecField(
                description = "Fraction of the pairs used for training (Figure 6: 0.5)",
                min = 0,
                max = 1,
                minExclusive = true)
        double trainFraction) {

    public ModularSpec {
        if (trainFraction >= 1) {
            throw new SpecValidationException(
                    "trainFraction",
                    trainFraction
                            + " is out of range; allowed: number in (0, 1) (some pairs must be left for testing)");
        }
        if (operation == Operation.DIV && !ModularArithmeticData.isPrime(p)) {
            throw new SpecValidationException(
                    "p",
                    p + " is not allowed with operation div; allowed: a prime (every "
                            + "b ≠ 0 needs an inverse mod p)");
        }
    }

    public Operation arithmetic() {
        return operation;
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
        return rfm.options();
    }

    /** The number of M updates T. */
    public int iterations() {
        return rfm.iterations();
    }
}
