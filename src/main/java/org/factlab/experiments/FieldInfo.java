package org.factlab.experiments;

import java.util.List;

/**
 * Description of one spec field as published by {@code GET /api/kinds} and used by the launch form.
 *
 * @param type one of {@code integer}, {@code number}, {@code boolean}, {@code string}, {@code choice},
 *             {@code list} (of strings, each one of {@code choices} when given, or of numbers in [min, max];
 *             written as a JSON array or a comma-separated string)
 */
public record FieldInfo(
        String name,
        String type,
        Object defaultValue,
        Double min,
        Double max,
        boolean minExclusive,
        List<String> choices,
        String description) {

    /** "allowed: 1 … 10000" style text used in every range message. */
    public String allowedRange() {
        return "list".equals(type) ? "a comma-separated list, each " + elementRange() : elementRange();
    }

    private String elementRange() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices);
        }
        if (min == null && max == null) {
            return "list".equals(type) ? "any value" : "any " + type;
        }
        String shown = "list".equals(type) ? "number" : type;
        String lo = min == null ? "−∞" : SpecCodec.formatNumber(min, shown);
        String hi = max == null ? "∞" : SpecCodec.formatNumber(max, shown);
        String left = minExclusive ? "(" : "[";
        return shown + " in " + left + lo + ", " + hi + "]";
    }
}
