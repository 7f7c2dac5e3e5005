package org.factlab.runs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;

/**
 * Which runs to list, as {@code GET /api/runs} and the runs grid's URL write it: {@code kind}, {@code status},
 * {@code tag} (repeatable: every one), {@code preset}, {@code q} (in the name or the notes, ignoring case),
 * {@code spec.<field>=<value>} and {@code summary.<key>.min} / {@code .max} (inclusive; runs without that summary
 * value are left out). Blank values filter nothing.
 */
public record RunFilter(
        String kind,
        RunStatus status,
        List<String> tags,
        String preset,
        String q,
        Map<String, String> spec,
        Map<String, Double> summaryMin,
        Map<String, Double> summaryMax) {

    public static final RunFilter NONE = new RunFilter(null, null, List.of(), null, null, Map.of(), Map.of(), Map.of());
    public static final String ALLOWED =
            "kind, status, tag, preset, q, spec.<field>, summary.<key>.min, " + "summary.<key>.max";
    private static final String SPEC = "spec.";
    private static final String SUMMARY = "summary.";

    public RunFilter {
        tags = List.copyOf(tags);
        spec = Map.copyOf(spec);
        summaryMin = Map.copyOf(summaryMin);
        summaryMax = Map.copyOf(summaryMax);
    }

    /**
     * Reads query parameters; throws {@link SpecValidationException} naming every unknown key (a {@code spec.} field
     * no kind has included), bad status and non-numeric bound.
     */
    public static RunFilter parse(Map<String, List<String>> params, Collection<String> specFields) {
        List<FieldError> errors = new ArrayList<>();
        String kind = null;
        RunStatus status = null;
        List<String> tags = new ArrayList<>();
        String preset = null;
        String q = null;
        Map<String, String> spec = new LinkedHashMap<>();
        Map<String, Double> min = new LinkedHashMap<>();
        Map<String, Double> max = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .reduce((a, b) -> b)
                    .orElse(null);
            if (key.startsWith(SPEC) && specFields.contains(key.substring(SPEC.length()))) {
                putIfPresent(spec, key.substring(SPEC.length()), value);
            } else if (key.startsWith(SUMMARY)
                    && (key.endsWith(".min") || key.endsWith(".max"))
                    && key.length() > SUMMARY.length() + 4) {
                String summaryKey = key.substring(SUMMARY.length(), key.length() - 4);
                Double bound = number(key, value, errors);
                if (bound != null) {
                    (key.endsWith(".min") ? min : max).put(summaryKey, bound);
                }
            } else {
                switch (key) {
                    case "kind" -> kind = value;
                    case "status" -> status = status(value, errors);
                    case "tag" ->
                        e.getValue().stream()
                                .filter(v -> v != null && !v.isBlank())
                                .map(String::strip)
                                .forEach(tags::add);
                    case "preset" -> preset = value;
                    case "q" -> q = value;
                    default ->
                        errors.add(new FieldError(
                                key,
                                key.startsWith(SPEC)
                                        ? "names no field of any kind; allowed filters: " + ALLOWED
                                        : "is not a filter; allowed: " + ALLOWED));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
        return new RunFilter(kind, status, tags, preset, q, spec, min, max);
    }

    public boolean matches(Run run) {
        return (kind == null || kind.equals(run.kind()))
                && (status == null || status == run.status())
                && (preset == null || preset.equals(run.preset()))
                && tags.stream().allMatch(t -> run.tags().stream().anyMatch(t::equalsIgnoreCase))
                && (q == null || contains(run.name(), q) || contains(run.notes(), q))
                && spec.entrySet().stream().allMatch(e -> sameValue(run.spec().get(e.getKey()), e.getValue()))
                && summaryMin.entrySet().stream().allMatch(e -> summary(run, e.getKey()) >= e.getValue())
                && summaryMax.entrySet().stream().allMatch(e -> summary(run, e.getKey()) <= e.getValue());
    }

    /** The query parameters that give this filter back through {@link #parse}. */
    public Map<String, List<String>> toQuery() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        putQuery(q, "kind", kind);
        putQuery(q, "status", status == null ? null : status.name());
        if (!tags.isEmpty()) {
            q.put("tag", tags);
        }
        putQuery(q, "preset", preset);
        putQuery(q, "q", this.q);
        spec.forEach((k, v) -> q.put(SPEC + k, List.of(v)));
        summaryMin.forEach((k, v) -> q.put(SUMMARY + k + ".min", List.of(plain(v))));
        summaryMax.forEach((k, v) -> q.put(SUMMARY + k + ".max", List.of(plain(v))));
        return q;
    }

    /** A number as plain text without trailing zeros ({@code 0.99}, {@code 1000}). */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double summary(Run run, String key) {
        Double v = run.summary() == null ? null : run.summary().get(key);
        return v == null ? Double.NaN : v;
    }

    /** Numbers compare by value ({@code 1e-3} is {@code 0.001}); everything else by its text, ignoring case. */
    private static boolean sameValue(Object actual, String wanted) {
        if (actual == null) {
            return false;
        }
        if (actual instanceof Number n) {
            try {
                return n.doubleValue() == Double.parseDouble(wanted);
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        if (actual instanceof Collection<?> list) {
            return list.stream()
                    .map(String::valueOf)
                    .toList()
                    .equals(Arrays.stream(wanted.split("[,\\s]+"))
                            .filter(w -> !w.isEmpty())
                            .toList());
        }
        return String.valueOf(actual).equalsIgnoreCase(wanted);
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static RunStatus status(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return RunStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    "status", "'" + value + "' is not a run status; allowed: " + Arrays.toString(RunStatus.values())));
            return null;
        }
    }

    private static Double number(String key, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(key, "'" + value + "' is not a number; allowed: a finite number"));
        return null;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void putQuery(Map<String, List<String>> query, String key, String value) {
        if (value != null) {
            query.put(key, List.of(value));
        }
    }
}
