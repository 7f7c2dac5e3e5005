package org.factlab.experiments.paper;

import java.util.List;
import java.util.Map;

/** How a result compares with the paper: the badge of the paper page and of the run page. */
public enum Verdict {
    MATCHES("matches"),
    DIFFERS("differs"),
    /** A result exists but none of its values has a number to compare with (a figure printed without one). */
    NOTHING_TO_COMPARE("nothing to compare"),
    NOT_RUN_YET("not run yet");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The badge text, also the JSON value of {@code verdict}. */
    public String label() {
        return label;
    }

    /**
     * Compares a result's values with the rows: differs when any value lies outside its row's tolerance around
     * the row's target, matches when at least one was compared and all lie within.
     */
    public static Verdict of(List<PaperRow> rows, Map<String, Double> values) {
        boolean compared = false;
        for (PaperRow row : rows) {
            Double target = row.target();
            Double actual = values.get(row.series());
            if (target == null || actual == null) {
                continue;
            }
            if (!within(row, actual)) {
                return DIFFERS;
            }
            compared = true;
        }
        return compared ? MATCHES : NOTHING_TO_COMPARE;
    }

    /**
     * True when {@code actual} satisfies the row's relation with its target: for a bound ("<", "≤", ">", "≥") the
     * inequality itself, for "=" and "≈" a distance within the row's tolerance; false when the row has no target.
     */
    public static boolean within(PaperRow row, double actual) {
        Double target = row.target();
        if (target == null) {
            return false;
        }
        String relation = row.paper() == null ? "≈" : row.relation();
        return switch (relation) {
            case "<" -> actual < target;
            case "≤" -> actual <= target + 1e-12;
            case ">" -> actual > target;
            case "≥" -> actual >= target - 1e-12;
            default -> Math.abs(actual - target) <= row.tolerance() + 1e-12;
        };
    }
}
