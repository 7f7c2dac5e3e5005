package org.factlab.runs.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spec fields and their values as people read them in labels: the paper's symbol where it has one ("τ = 0.02",
 * "λ = 1e-7"), the seed as "seed 1", numbers in their shortest form (0.02, 20000, 1e-7, never 1.0E-7 or
 * 0.020000000000000004 from a range), lists comma-separated; never a Java map or list string.
 */
public final class FieldText {

    /** The field every run has; shown last, as "seed 1". */
    public static final String SEED = "seed";

    /** Spec field names the paper writes as a symbol. */
    private static final Map<String, String> SYMBOLS =
            Map.of("tau", "τ", "lambda", "λ", "eps", "ε", "lr", "η", "agopPower", "AGOP power");

    private FieldText() {}

    /** The field's name in labels: its paper symbol, or the name itself. */
    public static String name(String field) {
        return SYMBOLS.getOrDefault(field, field);
    }

    /** "τ = 0.02", "seed 1". */
    public static String of(String field, Object value) {
        return SEED.equals(field) ? SEED + " " + value(value) : name(field) + " = " + value(value);
    }

    /** Fields and their values of one setting or spec, in the given order: "τ = 0.02, seed 1". */
    public static String of(List<String> fields, Map<String, ?> values) {
        List<String> parts = new ArrayList<>();
        fields.forEach(f -> parts.add(of(f, values.get(f))));
        return String.join(", ", parts);
    }

    /**
     * A value: numbers shortest (integers without a fraction, below 1e-3 or from 1e5 as 1e-7 / 2.5e5), lists joined.
     */
    public static String value(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(value(v)));
            return String.join(", ", parts);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + " " + value(v)));
            return String.join(", ", parts);
        }
        return value.toString();
    }

    /** The shortest decimal form of {@code v} rounded to 12 significant digits (undoing 0.1 + 0.2 style noise). */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "—" : v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(String.format(Locale.ROOT, "%.11e", v)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && (magnitude < 1e5 || rounded.scale() <= 0 && magnitude < 1e15)) {
            return rounded.toPlainString();
        }
        String unscaled = rounded.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - rounded.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
