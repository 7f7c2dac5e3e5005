package org.factlab.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layer-wise series and matrix names of the mlp kind (a public contract, listed in README.md), read back for the run page:
 * {@code layer{l}/{method}/{pearson|cosine}} (forward: similarity with WᵀW),
 * {@code layer{l}/backward/{method}/{pearson|cosine}} (backward: with WWᵀ), the stationarity series
 * {@code layer{l}/grad_norm} and {@code layer{l}/fact/relerr}, the training series {@code train/loss},
 * {@code train/accuracy}, {@code test/accuracy}, and the matrices {@code layer{l}/WtW}, {@code layer{l}/FACT},
 * {@code layer{l}/sqrt_agop}, {@code layer{l}/sqrt_enfa}. Labels are for display only: series and CSV keep the
 * raw names.
 */
final class SeriesNames {

    /** A similarity series: how well {@code method} predicts the layer's WᵀW (forward) or WWᵀ (backward). */
    record Alignment(int layer, Family family, String method) {
    }

    /** The four similarity charts: measure × direction. */
    enum Family {
        PEARSON("pearson", false, "Pearson correlation with WᵀW"),
        COSINE("cosine", false, "Cosine similarity with WᵀW"),
        BACKWARD_PEARSON("pearson", true, "Pearson correlation with WWᵀ (backward)"),
        BACKWARD_COSINE("cosine", true, "Cosine similarity with WWᵀ (backward)");

        final String measure;
        final boolean backward;
        final String title;

        Family(String measure, boolean backward, String title) {
            this.measure = measure;
            this.backward = backward;
            this.title = title;
        }

        static Optional<Family> of(String measure, boolean backward) {
            for (Family f : values()) {
                if (f.measure.equals(measure) && f.backward == backward) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    static final String GRAD_NORM = "grad_norm";
    static final String RELERR = "fact/relerr";
    static final String TRAIN_LOSS = "train/loss";
    static final List<String> ACCURACIES = List.of("train/accuracy", "test/accuracy");

    /** The methods in the paper's order (Tables 1–2), each with its forward label. */
    private static final List<String> METHODS =
            List.of("fact", "sym_fact", "agop", "sqrt_agop", "agop_1_over_L", "enfa", "sqrt_enfa");
    private static final Map<String, String> FORWARD_LABELS = Map.of("fact", "FACT", "sym_fact", "√(FACT·FACTᵀ)",
            "agop", "AGOP", "sqrt_agop", "√AGOP", "agop_1_over_L", "AGOP^{1/L}", "enfa", "eNFA", "sqrt_enfa", "√eNFA");
    /** The backward forms of App. A: bFACT, bAGOP, beNFA and their symmetrisation and square roots. */
    private static final Map<String, String> BACKWARD_LABELS = Map.of("fact", "bFACT", "sym_fact", "√(bFACT·bFACTᵀ)",
            "agop", "bAGOP", "sqrt_agop", "√bAGOP", "enfa", "beNFA", "sqrt_enfa", "√beNFA");
    /** The first-layer matrices of the run page, in the order they are shown: WᵀW next to its predictions. */
    private static final List<String> MATRICES = List.of("WtW", "FACT", "sqrt_agop", "sqrt_enfa");
    private static final Map<String, String> MATRIX_LABELS =
            Map.of("WtW", "WᵀW", "FACT", "FACT", "sqrt_agop", "√AGOP", "sqrt_enfa", "√eNFA");
    private static final Set<String> MEASURES = Set.of("pearson", "cosine");
    private static final Pattern LAYER = Pattern.compile("layer([1-9][0-9]{0,5})/(.+)");

    private SeriesNames() {
    }

    /** The similarity series a name stands for, if it is one. */
    static Optional<Alignment> alignment(String name) {
        Matcher m = LAYER.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] parts = m.group(2).split("/", -1);
        boolean backward = parts.length == 3 && parts[0].equals("backward");
        if (parts.length != (backward ? 3 : 2) || !MEASURES.contains(parts[parts.length - 1])) {
            return Optional.empty();
        }
        String method = parts[parts.length - 2];
        return method.isEmpty() ? Optional.empty() : Family.of(parts[parts.length - 1], backward)
                .map(f -> new Alignment(Integer.parseInt(m.group(1)), f, method));
    }

    /** The layer of {@code layer{l}/<quantity>}, e.g. the layer of a {@link #GRAD_NORM} series. */
    static OptionalInt layerOf(String name, String quantity) {
        Matcher m = LAYER.matcher(name);
        return m.matches() && m.group(2).equals(quantity) ? OptionalInt.of(Integer.parseInt(m.group(1)))
                : OptionalInt.empty();
    }

    /** True for the layer-wise names the alignment section draws: similarities and stationarity. */
    static boolean isLayerWise(String name) {
        return alignment(name).isPresent() || layerOf(name, GRAD_NORM).isPresent() || layerOf(name, RELERR).isPresent();
    }

    /**
     * The curves left to the generic panel: all of them for a run without layer-wise series; otherwise all but the
     * layer-wise and training series, which the alignment section draws.
     */
    static Map<String, double[][]> notInAlignmentSection(Map<String, double[][]> curves) {
        if (curves.keySet().stream().noneMatch(SeriesNames::isLayerWise)) {
            return curves;
        }
        Map<String, double[][]> rest = new java.util.TreeMap<>(curves);
        rest.keySet().removeIf(name -> isLayerWise(name) || name.equals(TRAIN_LOSS) || ACCURACIES.contains(name));
        return rest;
    }

    /** A readable label of a method, e.g. "√AGOP" or, backward, "√bAGOP"; an unknown method keeps its name. */
    static String methodLabel(String method, boolean backward) {
        return (backward ? BACKWARD_LABELS : FORWARD_LABELS).getOrDefault(method, method);
    }

    /** Methods in the paper's order, unknown ones after them in alphabetical order. */
    static Comparator<String> methodOrder() {
        return Comparator.comparingInt((String method) -> rank(METHODS, method)).thenComparing(Comparator.naturalOrder());
    }

    /** A heatmap title: "WᵀW, layer 1" for the layer matrices; any other name as it is. */
    static String matrixLabel(String name) {
        Matcher m = LAYER.matcher(name);
        return m.matches() && MATRIX_LABELS.containsKey(m.group(2))
                ? MATRIX_LABELS.get(m.group(2)) + ", layer " + m.group(1) : name;
    }

    /** The heatmaps' order: layer matrices by layer, WᵀW then FACT, √AGOP, √eNFA; then other names alphabetically. */
    static Comparator<String> matrixOrder() {
        return Comparator.comparingInt(SeriesNames::matrixLayer)
                .thenComparingInt(name -> rank(MATRICES, matrixKind(name)))
                .thenComparing(Comparator.naturalOrder());
    }

    private static int matrixLayer(String name) {
        Matcher m = LAYER.matcher(name);
        return m.matches() && MATRICES.contains(m.group(2)) ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static String matrixKind(String name) {
        Matcher m = LAYER.matcher(name);
        return m.matches() ? m.group(2) : name;
    }

    private static int rank(List<String> order, String item) {
        int i = order.indexOf(item);
        return i < 0 ? order.size() : i;
    }
}
