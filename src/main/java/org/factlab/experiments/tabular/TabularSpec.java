package org.factlab.experiments.tabular;

import java.util.Arrays;
import java.util.List;
import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.rfm.RfmSettings;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelFunction;
import org.factlab.kernels.Normalization;
import org.factlab.kernels.Precision;

/**
 * Spec of one tabular benchmark suite (paper Table 3). Field names are a public contract (JSON keys, CSV
 * exports, presets).
 */
public record TabularSpec(
        @SpecField(
                description = "Datasets to run, by name: the files and sub-folders of the dataset folder without "
                        + "their endings (e.g. iris, letter); empty = every dataset in the folder")
        List<String> datasets,

        @SpecField(
                description = "Methods: kernel = Laplace kernel regression (M = I), nfa = NFA-RFM (M ← AGOPˢ), fact = "
                        + "FACT-RFM without averaging (M ← (F Fᵀ)^{1/2}), fact-geometric = FACT-RFM with geometric "
                        + "averaging (M ← ((F M)(F M)ᵀ)^{1/4})")
        List<FeatureUpdate> methods,

        @SpecField(
                description = "Cross-validation folds k (the benchmark: 4); with protocol nested, 1 = a single "
                        + "stratified split into 56% training, 19% validation and 25% test rows",
                min = 1,
                max = 10)
        int folds,

        @SpecField(
                description =
                        "Random seed: row caps, folds and validation splits derive from it and the dataset " + "name",
                min = 0,
                max = 9.007199254740992E15)
        long seed,

        @SpecField(
                description = "Bandwidth L of the Laplace kernel exp(−‖x − z‖_M/L) (the benchmark: 10)",
                min = 0,
                max = 1e6,
                minExclusive = true)
        double bandwidth,

        @SpecField(
                description = "Ridge values reg tried on the validation rows, α = (K + reg·I)⁻¹Y (the "
                        + "benchmark: 10, 1, 0.1, 0.01, 0.001)",
                min = 0,
                max = 1e6,
                minExclusive = true)
        List<Double> regs,

        @SpecField(
                description = "RFM iterations T: fits with M_0 … M_T are scored and the best on validation is "
                        + "kept (the benchmark's max_iter = 5 scores M_0 … M_4: T = 4)",
                min = 0,
                max = 50)
        int iterations,

        @SpecField(
                description = "Power s of the NFA update M ← AGOPˢ (Radhakrishnan et al.: 1)",
                min = 0,
                max = 4,
                minExclusive = true)
        double agopPower,

        @SpecField(
                description = "Rescale M after each update: none, max (max |Mₖₗ| = 1), trace (tr M = d), "
                        + "fro (‖M‖_F = √d)")
        Normalization normalize,

        @SpecField(
                description = "Cap on the rows of a dataset: larger ones are subsampled (stratified, seeded) to "
                        + "this many rows; 0 = no cap",
                min = 0,
                max = 1_000_000)
        int maxRows,

        @SpecField(
                description = "Feature preprocessing: train = standardise with the training rows' mean and "
                        + "standard deviation, none = use the values as they are (e.g. tables already scaled like the "
                        + "benchmark's); missing values become the training mean either way",
                choices = {"train", "none"})
        String standardize,

        @SpecField(
                description = "Dataset folder inside the datasets directory (factlab.datasets-dir, default "
                        + "./data) or an extra root the administrator configured: a relative name such as uci, "
                        + "without '..'")
        String folder,

        @SpecField(
                description = "nested = per fold, reg and the iteration chosen on validation rows carved from that "
                        + "fold's training rows and M learned there (test rows never seen); benchmark = the RFM "
                        + "paper's procedure: reg, row L2-normalisation and the iteration chosen once on a stratified "
                        + "half/half selection split, then k-fold cross-validation refits only α with that M (the "
                        + "split and folds are recorded with the run)",
                choices = {"nested", "benchmark"})
        String protocol) {

    /** {@link #protocol}: hyper-parameters and M chosen inside each fold ({@link ModelSelection}). */
    public static final String NESTED = "nested";
    /** {@link #protocol}: the RFM paper's benchmark procedure ({@link BenchmarkProtocol}). */
    public static final String BENCHMARK = "benchmark";

    public TabularSpec {
        datasets = List.copyOf(datasets);
        methods = List.copyOf(methods);
        regs = List.copyOf(regs);
        if (methods.isEmpty()) {
            throw new SpecValidationException(
                    "methods",
                    "is empty; allowed: a comma-separated list, each one of "
                            + String.join(", ", TabularSeries.METHODS));
        }
        if (regs.isEmpty()) {
            throw new SpecValidationException("regs", "is empty; allowed: a comma-separated list of numbers > 0");
        }
        if (datasets.stream().anyMatch(d -> d.isBlank() || d.contains("/"))) {
            throw new SpecValidationException(
                    "datasets",
                    datasets + " is not allowed; allowed: dataset names "
                            + "without '/', comma-separated, or empty for all");
        }
        if (!NESTED.equals(protocol) && !BENCHMARK.equals(protocol)) {
            throw new SpecValidationException("protocol", protocol + " is not allowed; allowed: nested, benchmark");
        }
        if (BENCHMARK.equals(protocol) && folds < 2) {
            throw new SpecValidationException(
                    "folds", folds + " is not allowed with protocol benchmark; allowed: 2 to " + "10");
        }
        if (folder == null || folder.isBlank()) {
            throw new SpecValidationException("folder", "is empty; allowed: a folder name such as uci");
        }
    }

    /** Whether {@link #protocol} is {@link #BENCHMARK}. */
    public boolean benchmark() {
        return BENCHMARK.equals(protocol);
    }

    /**
     * The RFM settings (Algorithm 1) of one candidate of the search, in the form the parity and modular kinds share:
     * {@code method} with ridge {@code reg} and this spec's bandwidth, iterations T, power s and normalisation, on the
     * Laplace kernel with uncentred gradients, a full M and float64 arrays, as the RFM paper's benchmark.
     */
    public RfmSettings rfm(FeatureUpdate method, double reg) {
        return new RfmSettings(
                method,
                KernelFunction.LAPLACE,
                bandwidth,
                reg,
                iterations,
                agopPower,
                false,
                normalize,
                false,
                Precision.FLOAT64);
    }

    /** The candidates of {@code method}: {@link #rfm} for each ridge value of {@link #regs}, in that order. */
    public List<RfmSettings> candidates(FeatureUpdate method) {
        return regs.stream().map(reg -> rfm(method, reg)).toList();
    }

    /** The ids of the methods in table order (kernel, nfa, fact, fact-geometric), without repeats. */
    public List<String> orderedMethods() {
        return Arrays.stream(FeatureUpdate.values())
                .filter(methods::contains)
                .map(FeatureUpdate::id)
                .toList();
    }
}
