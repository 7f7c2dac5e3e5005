package org.factlab.experiments.paper;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's notation for the similarity series (FACT, √(FACT·FACTᵀ), AGOP, √AGOP, AGOP¹ᐟᴸ, eNFA, √eNFA and
 * the backward bFACT …) and their charts ("Pearson correlation with W₁ᵀW₁", "cosine similarity with WᵀW"). Kinds
 * declare their labels through it ({@code ExperimentKind.seriesLabel}); series keys stay the contract.
 */
public final class PaperNotation {

    private static final Map<String, String> FORWARD = Map.of(
            "fact",
            "FACT",
            "sym_fact",
            "√(FACT·FACTᵀ)",
            "agop",
            "AGOP",
            "sqrt_agop",
            "√AGOP",
            "agop_1_over_L",
            "AGOP¹ᐟᴸ",
            "enfa",
            "eNFA",
            "sqrt_enfa",
            "√eNFA");
    private static final Map<String, String> BACKWARD = Map.of(
            "fact",
            "bFACT",
            "sym_fact",
            "√(bFACT·bFACTᵀ)",
            "agop",
            "bAGOP",
            "sqrt_agop",
            "√bAGOP",
            "enfa",
            "beNFA",
            "sqrt_enfa",
            "√beNFA");
    private static final Map<String, String> MATRICES = Map.of(
            "WtW",
            "WᵀW",
            "sqrt_agop",
            "√AGOP",
            "sqrt_enfa",
            "√eNFA",
            "sqrt_fact_Mt",
            "√(FACT·Mᵀ)",
            "M",
            "M",
            "FACT",
            "FACT",
            "AGOP",
            "AGOP");
    private static final Map<String, String> MEASURES =
            Map.of("pearson", "Pearson correlation", "cosine", "cosine similarity");
    private static final Pattern LAYER = Pattern.compile("layer([1-9][0-9]*)/(backward/)?([a-z_1L]+)/(pearson|cosine)");
    private static final Pattern PLAIN = Pattern.compile("([a-z_]+)/(pearson|cosine)");
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private PaperNotation() {}

    /** A similarity series as the paper writes it, e.g. "Pearson correlation of FACT with W₁ᵀW₁"; else the key. */
    public static String label(String series) {
        Matcher layer = LAYER.matcher(series);
        if (layer.matches() && methods(layer.group(2) != null).containsKey(layer.group(3))) {
            boolean backward = layer.group(2) != null;
            return MEASURES.get(layer.group(4)) + " of " + methods(backward).get(layer.group(3)) + " with "
                    + neuralFeatureMatrix(Integer.parseInt(layer.group(1)), backward);
        }
        Matcher plain = PLAIN.matcher(series);
        if (plain.matches() && FORWARD.containsKey(plain.group(1))) {
            return MEASURES.get(plain.group(2)) + " of " + FORWARD.get(plain.group(1)) + " with WᵀW";
        }
        return series;
    }

    /** The method alone, as a legend entry: "√AGOP", "bFACT"; null when the series is not a similarity. */
    public static String method(String series) {
        Matcher layer = LAYER.matcher(series);
        if (layer.matches()) {
            return methods(layer.group(2) != null).get(layer.group(3));
        }
        Matcher plain = PLAIN.matcher(series);
        return plain.matches() ? FORWARD.get(plain.group(1)) : null;
    }

    /** A chart of one measure against WᵀW: "Pearson correlation with WᵀW"; null for other groups. */
    public static String chartTitle(String measure) {
        String m = MEASURES.get(measure);
        return m == null ? null : m + " with WᵀW";
    }

    /** A stored matrix as the paper writes it: "WᵀW", "√AGOP", "√(FACT·Mᵀ)", with ", layer l" for layer matrices. */
    public static String matrix(String name) {
        Matcher m = Pattern.compile("layer([1-9][0-9]*)/(.+)").matcher(name);
        String base = m.matches() ? m.group(2) : name;
        String label = MATRICES.getOrDefault(base, base);
        return m.matches() ? label + ", layer " + m.group(1) : label;
    }

    /** W_lᵀW_l (forward) or W_lW_lᵀ (backward) with the layer as a subscript. */
    public static String neuralFeatureMatrix(int layer, boolean backward) {
        StringBuilder sub = new StringBuilder();
        for (char c : Integer.toString(layer).toCharArray()) {
            sub.append(SUBSCRIPTS.charAt(c - '0'));
        }
        return backward ? "W" + sub + "W" + sub + "ᵀ" : "W" + sub + "ᵀW" + sub;
    }

    private static Map<String, String> methods(boolean backward) {
        return backward ? BACKWARD : FORWARD;
    }
}
