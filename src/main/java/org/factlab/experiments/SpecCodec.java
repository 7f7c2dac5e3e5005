package org.factlab.experiments;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.choice.Choice;

/**
 * Converts between spec records and plain maps (JSON objects), and validates every field against its
 * {@link SpecField} range. All range messages name the field, the value and the allowed range.
 *
 * <p>A spec component is a number, a boolean, a string (free, or one of {@code SpecField.choices}), an enum that
 * implements {@link Choice} (a choice field whose values are the constants' ids), a list of strings, numbers or
 * such an enum, or a nested record of such fields (e.g. the RFM settings several kinds share): a nested record is
 * flattened, its fields stand in its place under their own names, so JSON keys do not show the nesting.
 */
public final class SpecCodec {

    /** Longest text a string field accepts (an oversized value is refused, never stored). */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Most elements a list field may have. */
    public static final int MAX_LIST_LENGTH = 1_000;

    private SpecCodec() {}

    /** The published field list of a kind, defaults taken from {@link ExperimentKind#defaultSpec()}. */
    public static List<FieldInfo> fields(ExperimentKind<?> kind) {
        Map<String, Object> defaults = toMap(kind.defaultSpec());
        return leaves(kind.specType()).stream()
                .map(rc -> info(rc, defaults.get(rc.getName())))
                .toList();
    }

    /**
     * Spec record → ordered map of its fields, flattened: the fields of a nested record stand in its place, a
     * {@link Choice} is written as its id and a list of them as a list of ids. This map is the JSON object of the
     * API and of stored specs.
     */
    public static Map<String, Object> toMap(Record spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : spec.getClass().getRecordComponents()) {
            Object value;
            try {
                java.lang.reflect.Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(spec);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (nested(rc)) {
                toMap((Record) value).forEach((name, v) -> putOnce(out, name, v, rc));
            } else {
                putOnce(out, rc.getName(), exported(value), rc);
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
        return bind(kind.specType(), toMap(kind.defaultSpec()), base, overrides);
    }

    /**
     * A spec that differs from {@code defaults} in the named fields, validated like user input: how presets are
     * written ({@code override(DEFAULTS, Map.of("k", 3, "n", 5000))}), so that a field added to the spec needs
     * only its default. Values may be given as JSON would give them or typed (a {@link Choice} constant).
     */
    public static <S extends Record> S override(S defaults, Map<String, ?> overrides) {
        @SuppressWarnings("unchecked")
        Class<S> type = (Class<S>) defaults.getClass();
        return bind(type, toMap(defaults), overrides, null);
    }

    /** A spec from every one of its fields by name (flattened, as in JSON); a missing field is an error. */
    public static <S extends Record> S build(Class<S> type, Map<String, ?> values) {
        Map<String, Object> none = new LinkedHashMap<>();
        leaves(type).forEach(rc -> none.put(rc.getName(), null));
        return bind(type, none, values, null);
    }

    /** Checks an already built spec (e.g. a preset) against the field ranges. */
    public static <S extends Record> void validate(ExperimentKind<S> kind, S spec) {
        bind(kind, toMap(spec), null);
    }

    private static <S extends Record> S bind(
            Class<S> type, Map<String, Object> start, Map<String, ?> base, Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(start);
        List<FieldError> errors = new ArrayList<>();
        for (Map<String, ?> layer : Arrays.asList(base, overrides)) {
            if (layer == null) {
                continue;
            }
            layer.forEach((name, value) -> {
                if (values.containsKey(name)) {
                    values.put(name, value);
                } else {
                    errors.add(new FieldError(
                            name, "unknown field; allowed fields: " + String.join(", ", values.keySet())));
                }
            });
        }
        Object[] args = arguments(type, values, errors);
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
        return construct(type, args);
    }

    /** The constructor arguments of {@code type} from the flat values; problems go to {@code errors}. */
    private static Object[] arguments(Class<?> type, Map<String, Object> values, List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            try {
                if (nested(rc)) {
                    int before = errors.size();
                    Object[] inner = arguments(rc.getType(), values, errors);
                    args[i] = errors.size() == before ? construct(rc.getType(), inner) : null;
                } else {
                    args[i] = convert(rc, values.get(rc.getName()));
                }
            } catch (SpecValidationException e) {
                errors.addAll(e.errors());
            }
        }
        return args;
    }

    /** The value fields of a spec type in order, the fields of nested records in their place. */
    private static List<RecordComponent> leaves(Class<?> type) {
        List<RecordComponent> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (nested(rc)) {
                out.addAll(leaves(rc.getType()));
            } else {
                out.add(rc);
            }
        }
        return out;
    }

    /** A component that is itself a record of fields (e.g. the RFM settings several kinds share). */
    private static boolean nested(RecordComponent rc) {
        return rc.getType().isRecord();
    }

    private static void putOnce(Map<String, Object> out, String name, Object value, RecordComponent where) {
        if (out.containsKey(name)) {
            throw new IllegalStateException("spec field " + name + " appears twice in "
                    + where.getDeclaringRecord().getSimpleName());
        }
        out.put(name, value);
    }

    /** The JSON form of a field value: ids for choices, the value itself otherwise. */
    private static Object exported(Object value) {
        if (value instanceof Choice c) {
            return c.id();
        }
        if (value instanceof List<?> list && list.stream().anyMatch(Choice.class::isInstance)) {
            return list.stream().map(SpecCodec::exported).toList();
        }
        return value;
    }

    private static FieldInfo info(RecordComponent rc, Object defaultValue) {
        SpecField f = annotation(rc);
        Double min = Double.isInfinite(f.min()) ? null : f.min();
        Double max = Double.isInfinite(f.max()) ? null : f.max();
        return new FieldInfo(
                rc.getName(), typeOf(rc), defaultValue, min, max, f.minExclusive(), choices(rc), f.description());
    }

    /** The allowed values of a choice field or of a list's elements: the enum's ids, else {@code choices}. */
    private static List<String> choices(RecordComponent rc) {
        Class<?> values = rc.getType() == List.class ? listElementType(rc) : rc.getType();
        if (choiceType(values)) {
            return Arrays.stream(values.getEnumConstants())
                    .map(c -> ((Choice) c).id())
                    .toList();
        }
        return List.of(annotation(rc).choices());
    }

    private static boolean choiceType(Class<?> type) {
        return type.isEnum() && Choice.class.isAssignableFrom(type);
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
            throw new IllegalStateException("spec component "
                    + rc.getDeclaringRecord().getSimpleName() + "." + rc.getName() + " lacks @SpecField");
        }
        return f;
    }

    private static String typeOf(RecordComponent rc) {
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
            return annotation(rc).choices().length == 0 ? "string" : "choice";
        }
        if (choiceType(t)) {
            return "choice";
        }
        throw new IllegalStateException("unsupported spec field type " + t);
    }

    private static Object convert(RecordComponent rc, Object raw) {
        String name = rc.getName();
        FieldInfo info = info(rc, null);
        String type = info.type();
        List<String> choices = info.choices();
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
                if (choiceType(rc.getType()) && rc.getType().isInstance(raw)) {
                    return raw;
                }
                if (!(raw instanceof CharSequence)) {
                    throw new SpecValidationException(
                            name, "must be text, got " + describe(raw) + " (allowed: " + info.allowedRange() + ")");
                }
                String s = raw.toString();
                if (s.length() > MAX_STRING_LENGTH) {
                    throw new SpecValidationException(
                            name, "is " + s.length() + " characters long; allowed: at most " + MAX_STRING_LENGTH);
                }
                if (!choices.isEmpty() && !choices.contains(s)) {
                    throw new SpecValidationException(
                            name, describe(s) + " is not allowed; allowed: " + info.allowedRange());
                }
                return choiceType(rc.getType()) ? constant(rc.getType(), s) : s;
            }
            default -> {
                double v = number(name, raw, info);
                checkRange(name, v, info);
                if ("integer".equals(type)) {
                    if (v != Math.rint(v)) {
                        throw new SpecValidationException(
                                name, "must be a whole number, got " + raw + " (allowed: " + info.allowedRange() + ")");
                    }
                    double limit = rc.getType() == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
                    if (Math.abs(v) > limit) {
                        throw new SpecValidationException(
                                name,
                                formatNumber(v, type) + " is out of range; allowed: " + info.allowedRange()
                                        + " within ±" + formatNumber(limit, type));
                    }
                    return rc.getType() == int.class ? (Object) (int) v : (Object) (long) v;
                }
                return rc.getType() == float.class ? (Object) (float) v : (Object) v;
            }
        }
    }

    /**
     * A list field (a {@code List<String>}, {@code List<Double>} or list-of-{@link Choice} component) from a JSON
     * array, a comma-separated string (the launch form) or a single value; every element is checked against the field's
     * choices or range.
     */
    private static List<?> list(RecordComponent rc, Object raw, FieldInfo info) {
        String name = info.name();
        if (raw instanceof Map<?, ?> || raw instanceof Boolean) {
            throw new SpecValidationException(
                    name,
                    "must be a JSON array or comma-separated text, got " + describe(raw) + " (allowed: "
                            + info.allowedRange() + ")");
        }
        List<?> items = raw instanceof List<?> l
                ? l
                : raw instanceof String s
                        ? Arrays.stream(s.split(","))
                                .map(String::trim)
                                .filter(e -> !e.isEmpty())
                                .toList()
                        : List.of(raw);
        if (items.size() > MAX_LIST_LENGTH) {
            throw new SpecValidationException(
                    name, "has " + items.size() + " elements; allowed: at most " + MAX_LIST_LENGTH);
        }
        Class<?> elements = listElementType(rc);
        boolean numbers = elements == Double.class;
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (elements.isInstance(item) && choiceType(elements)) {
                out.add(item);
                continue;
            }
            if (item == null
                    || item instanceof Map<?, ?>
                    || item instanceof List<?>
                    || item instanceof Boolean
                    || (!numbers && !(item instanceof CharSequence))) {
                throw new SpecValidationException(
                        name,
                        "has an element " + (item == null ? "null" : describe(item)) + "; allowed: "
                                + info.allowedRange());
            }
            if (numbers) {
                double v = number(name, item, info);
                checkRange(name, v, info);
                out.add(v);
            } else {
                String s = item.toString().trim();
                if (s.length() > MAX_STRING_LENGTH) {
                    throw new SpecValidationException(
                            name,
                            "has an element " + s.length() + " characters long; allowed: at most " + MAX_STRING_LENGTH);
                }
                if (!info.choices().isEmpty() && !info.choices().contains(s)) {
                    throw new SpecValidationException(
                            name, describe(s) + " is not allowed; allowed: " + info.allowedRange());
                }
                out.add(choiceType(elements) ? constant(elements, s) : s);
            }
        }
        return List.copyOf(out);
    }

    private static Class<?> listElementType(RecordComponent rc) {
        if (rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element
                && (element == String.class || element == Double.class || choiceType(element))) {
            return element;
        }
        throw new IllegalStateException("unsupported spec field type " + rc.getGenericType()
                + " (lists must be List<String>, List<Double> or a list of a Choice enum)");
    }

    /** The constant of a {@link Choice} enum with this id (already checked against the ids). */
    private static Object constant(Class<?> type, String id) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> ((Choice) c).id().equals(id))
                .findFirst()
                .orElseThrow();
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
        return "'"
                + (text.length() > 40 ? text.substring(0, 40) + "…' (" + text.length() + " characters)" : text + "'");
    }

    private static double number(String name, Object raw, FieldInfo info) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (!(raw instanceof CharSequence)) {
            throw new SpecValidationException(
                    name, "must be a number, got " + describe(raw) + " (allowed: " + info.allowedRange() + ")");
        }
        if (raw.toString().length() > 100) {
            throw new SpecValidationException(
                    name, "is a " + raw.toString().length() + "-character text; allowed: " + info.allowedRange());
        }
        try {
            return Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new SpecValidationException(
                    name, "'" + raw + "' is not a number (allowed: " + info.allowedRange() + ")");
        }
    }

    private static void checkRange(String name, double v, FieldInfo info) {
        boolean tooLow = info.min() != null && (info.minExclusive() ? v <= info.min() : v < info.min());
        boolean tooHigh = info.max() != null && v > info.max();
        if (Double.isNaN(v) || Double.isInfinite(v) || tooLow || tooHigh) {
            throw new SpecValidationException(
                    name, formatNumber(v, info.type()) + " is out of range; allowed: " + info.allowedRange());
        }
    }

    private static <S> S construct(Class<S> type, Object[] args) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
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
