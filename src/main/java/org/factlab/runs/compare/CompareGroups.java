package org.factlab.runs.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.factlab.runs.Run;

/**
 * Groups compared runs into curves and labels each by the fields in which the compared runs differ, and only
 * those: "τ = 0.02, seed 1" ({@link FieldText}).
 */
public final class CompareGroups {

    /** Runs whose specs differ only in the seed become one mean ± std curve. */
    public static final String GROUP_SPEC = "spec";
    /** One curve per run. */
    public static final String GROUP_NONE = "none";

    private static final String SEED = FieldText.SEED;

    /** One curve: a single run, or several averaged into a mean ± std band. */
    public record Group(String label, List<Run> runs) {}

    private CompareGroups() {}

    /**
     * @param groupBy {@link #GROUP_SPEC}, {@link #GROUP_NONE}, or comma-separated field names (runs sharing those
     *                fields' values are averaged)
     * @param colour  the field that leads each label and orders the groups, or null
     */
    public static List<Group> of(List<Run> runs, String groupBy, String colour) {
        List<String> varying = varyingFields(runs);
        boolean kindsDiffer = runs.stream().map(Run::kind).distinct().count() > 1;
        Map<List<Object>, List<Run>> byKey = new LinkedHashMap<>();
        for (Run r : runs) {
            byKey.computeIfAbsent(key(r, groupBy), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        byKey.values()
                .forEach(members ->
                        groups.add(new Group(label(members, groupBy, varying, colour, kindsDiffer), members)));
        if (colour != null) {
            groups.sort(Comparator.comparing(g -> g.runs().get(0).spec().get(colour), CompareGroups::compareValues));
        }
        return unique(groups);
    }

    /**
     * Each group's colour ("#rrggbb"): by the value of the colour field in its first run when one is given (so groups
     * sharing the value share the colour, {@link CurveColours#of}), else one categorical colour per group.
     */
    public static List<String> colours(List<Group> groups, String colour) {
        if (colour == null) {
            List<String> colours = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                colours.add(CurveColours.categorical(i));
            }
            return colours;
        }
        List<Object> values =
                groups.stream().map(g -> g.runs().get(0).spec().get(colour)).toList();
        Map<Object, String> byValue = CurveColours.of(values);
        return values.stream().map(byValue::get).toList();
    }

    /** Spec fields (seed included, last) whose values are not the same in every run. */
    public static List<String> varyingFields(List<Run> runs) {
        Set<String> fields = new LinkedHashSet<>();
        runs.forEach(r -> fields.addAll(r.spec().keySet()));
        List<String> varying = new ArrayList<>(fields.stream()
                .filter(f -> !SEED.equals(f))
                .filter(f -> runs.stream()
                                .map(r -> String.valueOf(r.spec().get(f)))
                                .distinct()
                                .count()
                        > 1)
                .toList());
        if (runs.stream()
                        .map(r -> String.valueOf(r.spec().get(SEED)))
                        .distinct()
                        .count()
                > 1) {
            varying.add(SEED);
        }
        return varying;
    }

    private static List<Object> key(Run r, String groupBy) {
        if (GROUP_NONE.equals(groupBy)) {
            return List.of(r.id());
        }
        if (GROUP_SPEC.equals(groupBy)) {
            Map<String, Object> spec = new LinkedHashMap<>(r.spec());
            spec.remove(SEED);
            return List.of(r.kind(), spec.toString());
        }
        List<Object> key = new ArrayList<>();
        fieldsOf(groupBy).forEach(f -> key.add(String.valueOf(r.spec().get(f))));
        return key;
    }

    /**
     * The fields that tell this group apart: the colour field first, then the grouping fields (for
     * {@link #GROUP_SPEC} and {@link #GROUP_NONE}: every differing field, the seed only for a single run). Runs
     * whose specs are equal are told apart by name and id; a group of several runs says how many.
     */
    private static String label(
            List<Run> members, String groupBy, List<String> varying, String colour, boolean kindsDiffer) {
        Run first = members.get(0);
        boolean byFields = !GROUP_SPEC.equals(groupBy) && !GROUP_NONE.equals(groupBy);
        List<String> fields = new ArrayList<>();
        if (colour != null) {
            fields.add(colour);
        }
        for (String f : byFields ? fieldsOf(groupBy) : varying) {
            if (!fields.contains(f) && (!SEED.equals(f) || members.size() == 1)) {
                fields.add(f);
            }
        }
        List<String> parts = new ArrayList<>();
        if (kindsDiffer) {
            parts.add(first.kind());
        }
        if (!fields.isEmpty()) {
            parts.add(FieldText.of(fields, first.spec()));
        }
        if (parts.isEmpty()) {
            parts.add(first.name());
        }
        String label = String.join(", ", parts);
        return members.size() > 1 ? label + " (mean of " + members.size() + " runs)" : label;
    }

    /** Labels made unique (curves are identified by them): a repeated label gets its run's id. */
    private static List<Group> unique(List<Group> groups) {
        Map<String, Integer> counts = new HashMap<>();
        groups.forEach(g -> counts.merge(g.label(), 1, Integer::sum));
        return groups.stream()
                .map(g -> counts.get(g.label()) == 1
                        ? g
                        : new Group(g.label() + " [" + g.runs().get(0).id() + "]", g.runs()))
                .toList();
    }

    private static List<String> fieldsOf(String groupBy) {
        return Arrays.stream(groupBy.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Numbers by value, everything else by text; missing values last. */
    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return Comparator.nullsLast(Comparator.<String>naturalOrder())
                .compare(a == null ? null : a.toString(), b == null ? null : Objects.toString(b));
    }
}
