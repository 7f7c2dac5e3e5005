package org.factlab.experiments;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between spec records and plain maps (JSON objects), and validates every field against its
 * {@link SpecField} range. All range messages name the field, the value and the allowed range.
 */
public final class SpecCodec {

    /** Longest text a string field accepts (an oversized value is refused, never stored). */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Most elements a list field may have. */
    public static final int MAX_LIST_LENGTH = 1_000;

    private SpecCodec() {
    }

    /** The published field list of a kind, defaults taken from {@link ExperimentKind#defaultSpec()}. */
    public static List<FieldInfo> fields(ExperimentKind<?> kind) {
        Map<String, Object> defaults = toMap(kind.defaultSpec());
        List<FieldInfo> out = new ArrayList<>();
        for (RecordComponent rc : kind.specType().getRecordComponents()) {
            SpecField f = annotation(rc);
            List<String> choices = List.of(f.choices());
            String type = typeOf(rc, choices);
            Double min = Double.isInfinite(f.min()) ? null : f.min();
            Double max = Double.isInfinite(f.max()) ? null : f.max();
            out.add(new FieldInfo(rc.getName(), type, defaults.get(rc.getName()), min, max,
                    f.minExclusive(), choices, f.description()));
        }
        return out;
    }

    /** Spec record → ordered map of its fields. */
    public static Map<String, Object> toMap(Record spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : spec.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                out.put(rc.getName(), accessor.invoke(spec));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * Builds a spec from the kind's defaults, then {@code base} (a preset's spec, may be null), then
     * {@code overrides} (user fields, may be null). Throws {@link SpecValidationException} naming every
     * unknown, mistyped or out-of-range field.
     */
    public static <S extends Record> S bind(ExperimentKind<S> kind, Map<String, ?> base, Map<String, ?> overrides) {
        Map<String, Object> values = toMap(kind.defaultSpec());
        List<FieldError> errors = new ArrayList<>();
        for (Map<String, ?> layer : Arrays.asList(base, overrides)) {
            if (layer == null) {
                continue;
            }
            layer.forEach((name, value) -> {
                if (values.containsKey(name)) {
                    values.put(name, value);
                } else {
                    errors.add(new FieldError(name, "unknown field; allowed fields: " + String.join(", ", values.keySet())));
                }
            });
        }
        RecordComponent[] components = kind.specType().getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            try {
                args[i] = convert(rc, values.get(rc.getName()));
            } catch (SpecValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
        return construct(kind.specType(), components, args);
    }

    /** Checks an already built spec (e.g. a preset) against the field ranges. */
    public static <S extends Record> void validate(ExperimentKind<S> kind, S spec) {
        bind(kind, toMap(spec), null);
    }

    static String formatNumber(double v, String type) {
        if ("integer".equals(type) || (v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static SpecField annotation(RecordComponent rc) {
        SpecField f = rc.getAnnotation(SpecField.class);
        if (f == null) {
            throw new IllegalStateException("spec component " + rc.getDeclaringRecord().getSimpleName() + "."
                    + rc.getName() + " lacks @SpecField");
        }
        return f;
    }

    private static String typeOf(RecordComponent rc, List<String> choices) {
        Class<?> t = rc.getType();
        if (t == List.class) {
            listElementType(rc);
            return "list";
        }
        if (t == int.class || t == long.class) {
            return "integer";
        }
        if (t == double.class || t == float.class) {
            return "number";
        }
        if (t == boolean.class) {
            return "boolean";
        }
        if (t == String.class) {
            return choices.isEmpty() ? "string" : "choice";
        }
        throw new IllegalStateException("unsupported spec field type " + t);
    }

    private static Object convert(RecordComponent rc, Object raw) {
        SpecField f = annotation(rc);
        String name = rc.getName();
        List<String> choices = List.of(f.choices());
        String type = typeOf(rc, choices);
        Double min = Double.isInfinite(f.min()) ? null : f.min();
        Double max = Double.isInfinite(f.max()) ? null : f.max();
        FieldInfo info = new FieldInfo(name, type, null, min, max, f.minExclusive(), choices, f.description());
        if (raw == null) {
            throw new SpecValidationException(name, "is required (" + info.allowedRange() + ")");
        }
        switch (type) {
            case "boolean" -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if ("true".equalsIgnoreCase(raw.toString()) || "false".equalsIgnoreCase(raw.toString())) {
                    return Boolean.parseBoolean(raw.toString());
                }
                throw new SpecValidationException(name, "must be true or false, got " + describe(raw));
            }
            case "list" -> {
                return list(rc, raw, info);
            }
            case "string", "choice" -> {
                if (!(raw instanceof CharSequence)) {
                    throw new SpecValidationException(name, "must be text, got " + describe(raw) + " (allowed: "
                            + info.allowedRange() + ")");
                }
                String s = raw.toString();
                if (s.length() > MAX_STRING_LENGTH) {
                    throw new SpecValidationException(name, "is " + s.length() + " characters long; allowed: at most "
                            + MAX_STRING_LENGTH);
                }
                if (!choices.isEmpty() && !choices.contains(s)) {
                    throw new SpecValidationException(name, describe(s) + " is not allowed; allowed: " + info.allowedRange());
                }
                return s;
            }
            default -> {
                double v = number(name, raw, info);
                checkRange(name, v, info);
                if ("integer".equals(type)) {
                    if (v != Math.rint(v)) {
                        throw new SpecValidationException(name, "must be a whole number, got " + raw + " (allowed: "
                                + info.allowedRange() + ")");
                    }
                    double limit = rc.getType() == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
                    if (Math.abs(v) > limit) {
                        throw new SpecValidationException(name, formatNumber(v, type) + " is out of range; allowed: "
                                + info.allowedRange() + " within ±" + formatNumber(limit, type));
                    }
                    return rc.getType() == int.class ? (Object) (int) v : (Object) (long) v;
                }
                return rc.getType() == float.class ? (Object) (float) v : (Object) v;
            }
        }
    }

    /**
     * A list field (a {@code List<String>} or {@code List<Double>} component) from a JSON array, a comma-separated
     * string (the launch form) or a single value; every element is checked against the field's choices or range.
     */
    private static List<?> list(RecordComponent rc, Object raw, FieldInfo info) {
        String name = info.name();
        if (raw instanceof Map<?, ?> || raw instanceof Boolean) {
            throw new SpecValidationException(name, "must be a JSON array or comma-separated text, got "
                    + describe(raw) + " (allowed: " + info.allowedRange() + ")");
        }
        List<?> items = raw instanceof List<?> l ? l : raw instanceof String s
                ? Arrays.stream(s.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList() : List.of(raw);
        if (items.size() > MAX_LIST_LENGTH) {
            throw new SpecValidationException(name, "has " + items.size() + " elements; allowed: at most "
                    + MAX_LIST_LENGTH);
        }
        boolean numbers = listElementType(rc) == Double.class;
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?> || item instanceof Boolean
                    || (!numbers && !(item instanceof CharSequence))) {
                throw new SpecValidationException(name, "has an element " + (item == null ? "null" : describe(item))
                        + "; allowed: " + info.allowedRange());
            }
            if (numbers) {
                double v = number(name, item, info);
                checkRange(name, v, info);
                out.add(v);
            } else {
                String s = item.toString().trim();
                if (s.length() > MAX_STRING_LENGTH) {
                    throw new SpecValidationException(name, "has an element " + s.length()
                            + " characters long; allowed: at most " + MAX_STRING_LENGTH);
                }
                if (!info.choices().isEmpty() && !info.choices().contains(s)) {
                    throw new SpecValidationException(name, describe(s) + " is not allowed; allowed: "
                            + info.allowedRange());
                }
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static Class<?> listElementType(RecordComponent rc) {
        if (rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && (p.getActualTypeArguments()[0] == String.class || p.getActualTypeArguments()[0] == Double.class)) {
            return (Class<?>) p.getActualTypeArguments()[0];
        }
        throw new IllegalStateException("unsupported spec field type " + rc.getGenericType()
                + " (lists must be List<String> or List<Double>)");
    }

    /** A rejected value in an error message: its JSON type, or the text itself cut to 40 characters. */
    private static String describe(Object raw) {
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        if (raw instanceof Iterable<?> || raw.getClass().isArray()) {
            return "a list";
        }
        if (raw instanceof Boolean || raw instanceof Number) {
            return raw.toString();
        }
        String text = raw.toString();
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…' (" + text.length() + " characters)" : text + "'");
    }

    private static double number(String name, Object raw, FieldInfo info) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (!(raw instanceof CharSequence)) {
            throw new SpecValidationException(name, "must be a number, got " + describe(raw) + " (allowed: "
                    + info.allowedRange() + ")");
        }
        if (raw.toString().length() > 100) {
            throw new SpecValidationException(name, "is a " + raw.toString().length() + "-character text; allowed: "
                    + info.allowedRange());
        }
        try {
            return Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new SpecValidationException(name, "'" + raw + "' is not a number (allowed: " + info.allowedRange() + ")");
        }
    }

    private static void checkRange(String name, double v, FieldInfo info) {
        boolean tooLow = info.min() != null && (info.minExclusive() ? v <= info.min() : v < info.min());
        boolean tooHigh = info.max() != null && v > info.max();
        if (Double.isNaN(v) || Double.isInfinite(v) || tooLow || tooHigh) {
            throw new SpecValidationException(name, formatNumber(v, info.type()) + " is out of range; allowed: "
                    + info.allowedRange());
        }
    }

    private static <S extends Record> S construct(Class<S> type, RecordComponent[] components, Object[] args) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<S> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SpecValidationException sve) {
                throw sve;
            }
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new SpecValidationException("spec", iae.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
