package org.factlab.experiments.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paper's printed values for each preset that reproduces a figure or table, and the resolution of a preset's
 * rows: the declared rows (with the preset's {@code expected} value as reference where it has one), then every
 * other {@code expected} key with no printed value. Values printed as a bound (< 0.068, ≥ 0.999) keep the bound
 * as the number with its relation, which the verdict tests.
 */
public final class PresetRows {

    /** The band for a reference without a declared tolerance: 0.01, or 5 % of values beyond 1 (iteration counts). */
    static final double DEFAULT_TOLERANCE = 0.01;

    private static final Map<String, List<PaperRow>> DECLARED = new LinkedHashMap<>();

    static {
        List<PaperRow> figure4 = List.of(
                row("fact/cosine", 0.994, 0.01, "Figure 4: FACT achieves 0.994 cosine similarity with WᵀW"),
                bound("agop/cosine", "<", 0.068, "printed as < 0.068"),
                row("sqrt_agop/cosine", null, 0.01, "not printed"));
        declare("quadratic", "fig4", figure4);
        declare("quadratic", "fig4-as-printed", figure4);
        declare("quadratic", "quick", figure4);
        declare("mlp", "table2-mnist-1k", table2(0.890, 0.956, 0.899, 0.903, 0.643, 0.653, 0.569));
        declare("mlp", "table2-mnist-1k-converged", table2(0.890, 0.956, 0.899, 0.903, 0.944, 0.858, 0.860));
        declare("mlp", "table2-mnist-2k", table2(0.988, 0.998, 0.923, 0.923, null, null, null));
        declare("mlp", "table2-mnist-5k", table2(0.995, 1.000, 0.924, 0.917, null, null, null));
        declare("mlp", "table2-mnist-60k", table2(0.999, 1.000, 0.909, 0.903, null, null, null));
        declare("mlp", "cifar10", table2(0.896, 0.943, 0.722, 0.714, null, null, null));
        for (int depth = 2; depth <= 4; depth++) {
            declare(
                    "mlp",
                    "fig11-linear-L" + depth,
                    List.of(
                            bound("layer1/fact/cosine", "≥", 0.999, "printed as ≥ 0.999 for every depth"),
                            row("layer1/agop_1_over_L/cosine", null, 0.01, "printed as close to 1"),
                            row("layer1/sqrt_agop/cosine", null, 0.01, "falls with depth; not printed")));
        }
        List<PaperRow> figure6 =
                List.of(row("test/accuracy", 1.0, 0.01, "Figure 6: both methods reach 100% test " + "accuracy"));
        declare("modular", "fig6-nfa", figure6);
        declare("modular", "fig6-fact", figure6);
        declare(
                "tabular",
                "table3-bundled",
                List.of(
                        row("mean_test_accuracy/kernel", 0.8371, 0.01, "Laplace kernel regression, 120 datasets"),
                        row("mean_test_accuracy/nfa", 0.8510, 0.01, "NFA-RFM, 120 datasets"),
                        row("mean_test_accuracy/fact", 0.8522, 0.01, "FACT-RFM (no geom. averaging), 120 datasets"),
                        row(
                                "mean_test_accuracy/fact-geometric",
                                0.8499,
                                0.01,
                                "FACT-RFM (geom. averaging), 120 datasets")));
    }

    private PresetRows() {}

    /** The rows of a preset of a kind, given its {@code expected} map (the lab's references). */
    public static List<PaperRow> of(String kind, String preset, Map<String, Double> expected) {
        List<PaperRow> rows = new ArrayList<>();
        Map<String, Double> rest = new TreeMap<>(expected);
        for (PaperRow declared : DECLARED.getOrDefault(kind + "/" + preset, List.of())) {
            Double reference =
                    rest.containsKey(declared.series()) ? rest.remove(declared.series()) : declared.reference();
            rows.add(declared.withReference(reference));
        }
        rest.forEach((series, reference) ->
                rows.add(new PaperRow(series, null, reference, defaultTolerance(reference), "")));
        return rows;
    }

    static double defaultTolerance(double reference) {
        return Math.max(DEFAULT_TOLERANCE, Math.abs(reference) > 1 ? 0.05 * Math.abs(reference) : 0);
    }

    private static void declare(String kind, String preset, List<PaperRow> rows) {
        DECLARED.put(kind + "/" + preset, rows);
    }

    /** A value the paper prints as a bound: the verdict tests the inequality, not a distance. */
    private static PaperRow bound(String series, String relation, double paper, String note) {
        return new PaperRow(series, paper, relation, null, 0, note);
    }

    private static PaperRow row(String series, Double paper, double tolerance, String note) {
        return new PaperRow(series, paper, null, tolerance, note);
    }

    /** Table 2's rows (Pearson with W₁ᵀW₁) with the lab's measured values of the rows its preset has no entry for. */
    private static List<PaperRow> table2(
            double fact,
            double symFact,
            double sqrtAgop,
            double sqrtEnfa,
            Double measuredSymFact,
            Double measuredSqrtAgop,
            Double measuredSqrtEnfa) {
        return List.of(
                row("layer1/fact/pearson", fact, 0.02, "Table 2, FACT"),
                new PaperRow("layer1/sym_fact/pearson", symFact, measuredSymFact, 0.02, "Table 2, √(FACT·FACTᵀ)"),
                new PaperRow(
                        "layer1/sqrt_agop/pearson",
                        sqrtAgop,
                        measuredSqrtAgop,
                        0.02,
                        "Table 2, √AGOP (NFA with s = 1/2)"),
                new PaperRow("layer1/sqrt_enfa/pearson", sqrtEnfa, measuredSqrtEnfa, 0.02, "Table 2, √eNFA"));
    }
}
