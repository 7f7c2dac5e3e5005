package org.factlab.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.FieldInfo;
import org.factlab.experiments.SpecValidationException;

/**
 * One axis of a sweep as written in JSON: either a list of values ({@code [1000, 2000, 5000]}) or a range
 * {@code {"from": 1000, "to": 60000, "steps": 4, "scale": "log"}}. A range gives {@code steps} values from
 * {@code from} to {@code to}, both included: linear vᵢ = from + i·(to − from)/(steps − 1), log
 * vᵢ = from·(to/from)^{i/(steps − 1)} (from, to &gt; 0); one step gives {@code from}. Integer fields get the
 * values rounded to the nearest integer. Errors are named {@code sweep.<field>}.
 */
public final class SweepAxis {

    private SweepAxis() {}

    /** The values of one axis; {@code field} is null for the {@code preset} axis (a list of preset ids). */
    public static List<Object> values(String name, FieldInfo field, Object raw, int maxValues) {
        String key = "sweep." + name;
        if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new SpecValidationException(key, "needs at least one value");
            }
            if (list.stream().anyMatch(v -> v == null || v instanceof Map || v instanceof List)) {
                throw new SpecValidationException(key, "values must be numbers, strings or booleans, got " + list);
            }
            return List.copyOf(list);
        }
        if (raw instanceof Map<?, ?> range) {
            if (field == null || !("integer".equals(field.type()) || "number".equals(field.type()))) {
                throw new SpecValidationException(key, "a range needs a numeric field; give a list of values");
            }
            return range(key, field, range, maxValues);
        }
        throw new SpecValidationException(
                key,
                "must be a list of values or a range {\"from\", \"to\", \"steps\", "
                        + "\"scale\": \"linear\" | \"log\"}, got " + raw);
    }

    private static List<Object> range(String key, FieldInfo field, Map<?, ?> range, int maxValues) {
        for (Object k : range.keySet()) {
            if (!List.of("from", "to", "steps", "scale").contains(String.valueOf(k))) {
                throw new SpecValidationException(
                        key, "unknown range key '" + k + "'; allowed: from, to, steps, scale");
            }
        }
        double from = number(key, "from", range.get("from"));
        double to = number(key, "to", range.get("to"));
        double stepsValue = number(key, "steps", range.get("steps"));
        if (stepsValue != Math.rint(stepsValue) || stepsValue < 1 || stepsValue > maxValues) {
            throw new SpecValidationException(
                    key,
                    "steps " + range.get("steps") + " is out of range; allowed: integer in [1, " + maxValues + "]");
        }
        int steps = (int) stepsValue;
        Object scale = range.get("scale") == null ? "linear" : range.get("scale");
        boolean log = "log".equals(scale);
        if (!log && !"linear".equals(scale)) {
            throw new SpecValidationException(key, "scale '" + scale + "' is not allowed; allowed: linear, log");
        }
        if (log && (from <= 0 || to <= 0)) {
            throw new SpecValidationException(key, "a log range needs from > 0 and to > 0");
        }
        List<Object> values = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            double t = steps == 1 ? 0 : (double) i / (steps - 1);
            double v = i == steps - 1 && steps > 1 ? to : log ? from * Math.pow(to / from, t) : from + t * (to - from);
            values.add("integer".equals(field.type()) ? (Object) Math.round(v) : (Object) v);
        }
        if (values.stream().distinct().count() < values.size()) {
            throw new SpecValidationException(
                    key, "the range repeats values after rounding to integers " + values + "; use fewer steps");
        }
        return values;
    }

    private static double number(String key, String part, Object raw) {
        if (raw instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new SpecValidationException(key, "range needs a number for '" + part + "', got " + raw);
    }
}
