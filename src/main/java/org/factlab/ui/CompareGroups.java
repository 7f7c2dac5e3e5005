package org.factlab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.factlab.runs.Run;

/** Groups compared runs into curves ({@link CompareState#groupBy()}) and labels them by what differs. */
final class CompareGroups {

    private static final String SEED = "seed";

    /** One curve: a single run, or several averaged into a mean ± std band. */
    record Group(String label, List<Run> runs) {
    }

    private CompareGroups() {
    }

    static List<Group> of(List<Run> runs, String groupBy, String colour) {
        List<String> varying = varyingFields(runs);
        Map<List<Object>, List<Run>> byKey = new LinkedHashMap<>();
        for (Run r : runs) {
            byKey.computeIfAbsent(key(r, groupBy), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        byKey.values().forEach(members -> groups.add(new Group(label(members, groupBy, varying, colour), members)));
        if (colour != null) {
            groups.sort(Comparator.comparing(g -> g.runs().get(0).spec().get(colour), CompareGroups::compareValues));
        }
        return groups;
    }

    /** Spec fields (seed included) whose values are not the same in every run. */
    static List<String> varyingFields(List<Run> runs) {
        Set<String> fields = new LinkedHashSet<>();
        runs.forEach(r -> fields.addAll(r.spec().keySet()));
        return fields.stream().filter(f -> runs.stream().map(r -> String.valueOf(r.spec().get(f))).distinct().count() > 1)
                .toList();
    }

    private static List<Object> key(Run r, String groupBy) {
        if (CompareState.GROUP_NONE.equals(groupBy)) {
            return List.of(r.id());
        }
        if (CompareState.GROUP_SPEC.equals(groupBy)) {
            Map<String, Object> spec = new LinkedHashMap<>(r.spec());
            spec.remove(SEED);
            return List.of(r.kind(), spec.toString());
        }
        List<Object> key = new ArrayList<>();
        fieldsOf(groupBy).forEach(f -> key.add(String.valueOf(r.spec().get(f))));
        return key;
    }

    private static String label(List<Run> members, String groupBy, List<String> varying, String colour) {
        Run first = members.get(0);
        List<String> fields = CompareState.GROUP_NONE.equals(groupBy) ? List.of()
                : CompareState.GROUP_SPEC.equals(groupBy) ? varying.stream().filter(f -> !SEED.equals(f)).toList()
                : fieldsOf(groupBy);
        List<String> parts = new ArrayList<>();
        if (colour != null && !fields.contains(colour)) {
            parts.add(colour + "=" + first.spec().get(colour));
        }
        fields.forEach(f -> parts.add(f + "=" + first.spec().get(f)));
        if (CompareState.GROUP_NONE.equals(groupBy)) {
            parts.add(first.name() + " [" + first.id() + "]");
        } else if (fields.isEmpty()) {
            parts.add(first.name());
        }
        String label = String.join(" · ", parts);
        return members.size() > 1 ? label + " (" + members.size() + " runs)" : label;
    }

    private static List<String> fieldsOf(String groupBy) {
        return Arrays.stream(groupBy.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
