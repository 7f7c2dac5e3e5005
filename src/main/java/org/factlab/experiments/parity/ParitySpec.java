package org.factlab.experiments.parity;

import java.util.Arrays;
import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.rfm.RfmSettings;
import org.factlab.kernels.RfmOptions;

/**
 * Spec of a Recursive Feature Machine on sparse parity (§4.3, Figures 1 and 5). Field names are a public
 * contract (JSON keys, CSV exports, presets).
 */
public record ParitySpec(
        RfmSettings rfm,

        @SpecField(
                description = "Random seed: support (unless given), training and test points derive from it",
                min = 0,
                max = 9.007199254740992E15)
        long seed,

        @SpecField(description = "Input dimension d (Figure 5: 50)", min = 2, max = 10_000)
        int d,

        @SpecField(
                description = "Parity order k: the label is 1 when the product of k coordinates is positive",
                min = 1,
                max = 32)
        int k,

        @SpecField(
                description = "Training points n (Figure 5: 500 for k = 2, 5000 for k = 3, 50000 for k = 4)",
                min = 2,
                max = 200_000)
        int n,

        @SpecField(description = "Test points (the paper: 1000)", min = 1, max = 100_000)
        int nTest,

        @SpecField(
                description = "Support coordinates, 0-based and comma-separated (e.g. \"3,17\"); empty = drawn "
                        + "from the seed")
        String support) {

    public ParitySpec {
        if (k > d) {
            throw new SpecValidationException("k", k + " is out of range; allowed: integer in [1, d = " + d + "]");
        }
        if (support != null && !support.isBlank()) {
            int[] coordinates = parseSupport(support);
            boolean valid = coordinates.length == k
                    && Arrays.stream(coordinates).allMatch(c -> c >= 0 && c < d)
                    && Arrays.stream(coordinates).distinct().count() == k;
            if (!valid) {
                throw new SpecValidationException(
                        "support",
                        "'" + support + "' is not allowed; allowed: " + k + " distinct 0-based coordinates in [0, "
                                + (d - 1) + "], comma-separated, or empty");
            }
        }
    }

    /** The given support, or null when it is drawn from the seed. */
    public int[] supportCoordinates() {
        return support == null || support.isBlank() ? null : parseSupport(support);
    }

    public RfmOptions rfmOptions() {
        return rfm.options();
    }

    /** The number of M updates T. */
    public int iterations() {
        return rfm.iterations();
    }

    private static int[] parseSupport(String text) {
        try {
            return Arrays.stream(text.split(","))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new SpecValidationException(
                    "support",
                    "'" + text + "' is not a comma-separated list of integers "
                            + "(allowed: 0-based coordinates, or empty)");
        }
    }
}
