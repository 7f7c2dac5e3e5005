package org.factlab.experiments;

import java.util.List;

/**
 * Description of one spec field as published by {@code GET /api/kinds} and used by the launch form.
 *
 * @param type one of {@code integer}, {@code number}, {@code boolean}, {@code string}, {@code choice}
 */
public record FieldInfo(String name, String type, Object defaultValue, Double min, Double max,
                        boolean minExclusive, List<String> choices, String description) {

    /** "allowed: 1 … 10000" style text used in every range message. */
    public String allowedRange() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices);
        }
        if (min == null && max == null) {
            return "any " + type;
        }
        String lo = min == null ? "−∞" : SpecCodec.formatNumber(min, type);
        String hi = max == null ? "∞" : SpecCodec.formatNumber(max, type);
        String left = minExclusive ? "(" : "[";
        return type + " in " + left + lo + ", " + hi + "]";
    }
}
