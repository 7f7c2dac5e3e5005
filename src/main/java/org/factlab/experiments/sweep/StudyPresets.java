package org.factlab.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.modular.ModularSeries;
import org.factlab.experiments.parity.ParitySeries;
import org.factlab.experiments.rfm.RfmSeries;

/**
 * The paper's multi-run results as study presets (ids are a public contract). Presets of the {@code mlp} kind
 * are listed even where that kind is not installed; {@link StudyPreset#unavailableReason} says so and the
 * launch paths refuse them.
 */
public final class StudyPresets {

    private static final String MLP = "mlp";
    private static final List<Object> TABLE2_N = List.of(1000, 2000, 5000);
    private static final int TABLE2_GPU_N = 60_000;
    private static final String FACT_PEARSON = "layer1/fact/pearson";
    private static final String SYM_FACT_PEARSON = "layer1/sym_fact/pearson";
    private static final String SQRT_AGOP_PEARSON = "layer1/sqrt_agop/pearson";
    private static final String SQRT_ENFA_PEARSON = "layer1/sqrt_enfa/pearson";
    private static final String FACT_COSINE = "layer1/fact/cosine";

    static final StudyPreset TABLE2_MNIST = new StudyPreset(
            "table2-mnist",
            "Table 2, MNIST: Pearson(·, W₁ᵀW₁) against n",
            "The mlp preset table2-mnist-1k (App. B: depth 3, width 1024, SGD momentum 0.9, lr 0.1 cosine, λ = 1e-4, "
                    + "200 epochs) at n = 1K, 2K, 5K; n = 60K is GPU scale (offered behind a switch). The table "
                    + "pivots the four rows of Table 2 (FACT, √(FACT·FACTᵀ), √AGOP, √eNFA) against n, the paper's "
                    + "printed values beside ours. At 200 epochs small n is far from converged (docs/reproduction.md: "
                    + "Pearson(FACT) ≈ 0.3 at n = 1K), so expect our FACT rows below the paper's.",
            MLP,
            "table2-mnist-1k",
            Map.of(),
            axis("n", TABLE2_N),
            axis("n", List.of(TABLE2_GPU_N)),
            1,
            List.of(FACT_PEARSON, SYM_FACT_PEARSON, SQRT_AGOP_PEARSON, SQRT_ENFA_PEARSON),
            "n",
            table2());

    static final StudyPreset FIG3_LAYERS = new StudyPreset(
            "fig3-layers-5-seeds",
            "Figure 3: per-layer correlations, 5 seeds",
            "The mlp preset fig3-deep (5 hidden ReLU layers on MNIST) with seeds 0 … 4. Compare its runs (grouped "
                    + "by spec) for the per-layer curves as mean ± std over the seeds; the table gives each final "
                    + "value's mean, std and n.",
            MLP,
            "fig3-deep",
            Map.of(),
            Map.of(),
            Map.of(),
            5,
            List.of(),
            null,
            List.of());

    static final StudyPreset FIG1_PARITY_PHASE = new StudyPreset(
            "fig1-parity-phase",
            "Figure 1: 4-sparse parity, test accuracy against n",
            "The parity preset fig1-k4 (FACT-RFM, geometric averaging, trace normalization, d = 50, Gaussian L = 5, "
                    + "10 iterations) at n = 2000, 5000, 10000: below some n the test accuracy stays near chance, "
                    + "above it the support is found and accuracy rises (the phase transition of Figure 1). n = 25000 "
                    + "(the figure's) is GPU scale: ≈ 11 GB. About 1 s per iteration at n = 5000 and 5 s at n = 10000 "
                    + "on a 2-core CPU (bench/rfm.sh).",
            "parity",
            "fig1-k4",
            Map.of(),
            axis("n", List.of(2000, 5000, 10000)),
            axis("n", List.of(25_000)),
            1,
            List.of(RfmSeries.TEST_ACCURACY, RfmSeries.TRAIN_ACCURACY, ParitySeries.SUPPORT_RECOVERED),
            "n",
            List.of());

    static final StudyPreset FIG6_METHODS = new StudyPreset(
            "fig6-methods",
            "Figure 6: NFA-RFM vs FACT-RFM on (a + b) mod 61, 3 seeds",
            "The modular presets fig6-nfa and fig6-fact swept as the preset axis, seeds 0, 1, 2 (the seed draws the "
                    + "train/test split); the paper prints 100% test accuracy for both. NFA-RFM groks at ≈ 24 "
                    + "iterations, FACT-RFM later (≈ 45–57) on seed 0. "
                    + "Six runs of 50–60 s each on the 2-core development VM.",
            "modular",
            null,
            Map.of(),
            axis(SweepExpansion.PRESET_AXIS, List.of("fig6-nfa", "fig6-fact")),
            Map.of(),
            3,
            List.of(RfmSeries.TEST_ACCURACY, RfmSeries.TRAIN_ACCURACY, ModularSeries.GROKKING_ITERATION),
            SweepExpansion.PRESET_AXIS,
            List.of(new PaperValue(Map.of(), RfmSeries.TEST_ACCURACY, 1.0)));

    static final StudyPreset FIG11_DEPTHS = new StudyPreset(
            "fig11-depths",
            "Figure 11: deep linear networks, L = 2, 3, 4, 5",
            "The mlp preset fig11-linear-L2 (App. C: d = 10, c = 5, n = 5000, width 512, no bias, λ = 1e-2) at depth "
                    + "L = 2, 3, 4, 5. The paper reports cos(FACT, W₁ᵀW₁) ≥ 0.999 at every depth (shown as 0.999) and "
                    + "cos(AGOP^{1/L}, W₁ᵀW₁) close to 1, while √AGOP falls with depth.",
            MLP,
            "fig11-linear-L2",
            Map.of(),
            axis("depth", List.of(2, 3, 4, 5)),
            Map.of(),
            1,
            List.of(FACT_COSINE, "layer1/agop_1_over_L/cosine", "layer1/sqrt_agop/cosine"),
            "depth",
            fig11());

    private static final List<StudyPreset> ALL =
            List.of(TABLE2_MNIST, FIG3_LAYERS, FIG1_PARITY_PHASE, FIG6_METHODS, FIG11_DEPTHS);

    private StudyPresets() {}

    public static List<StudyPreset> all() {
        return ALL;
    }

    public static Optional<StudyPreset> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Table 2's MNIST columns (n = 1K, 2K, 5K, 60K), rows FACT, √(FACT·FACTᵀ), √AGOP, √eNFA. */
    private static List<PaperValue> table2() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put(FACT_PEARSON, new double[] {0.890, 0.988, 0.995, 0.999});
        rows.put(SYM_FACT_PEARSON, new double[] {0.956, 0.998, 1.000, 1.000});
        rows.put(SQRT_AGOP_PEARSON, new double[] {0.899, 0.923, 0.924, 0.909});
        rows.put(SQRT_ENFA_PEARSON, new double[] {0.903, 0.923, 0.917, 0.903});
        List<Object> columns = new ArrayList<>(TABLE2_N);
        columns.add(TABLE2_GPU_N);
        List<PaperValue> values = new ArrayList<>();
        rows.forEach((key, printed) -> {
            for (int i = 0; i < printed.length; i++) {
                values.add(new PaperValue(Map.of("n", columns.get(i)), key, printed[i]));
            }
        });
        return values;
    }

    /** Figure 11's caption: cos(FACT, W₁ᵀW₁) ≥ 0.999 for every depth. */
    private static List<PaperValue> fig11() {
        return List.of(new PaperValue(Map.of(), FACT_COSINE, 0.999));
    }

    private static Map<String, List<Object>> axis(String field, List<Object> values) {
        return Map.of(field, values);
    }
}
