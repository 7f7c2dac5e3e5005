package org.factlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.experiments.sections.Declared;
import org.factlab.experiments.sections.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind's declared run page matches what the kind records: each declared series, matrix and summary key of
 * each section exists in the kind's {@code quick} run (run in-process with a recording context), so a renamed
 * series cannot silently empty a panel. Names declared for some runs only ({@code onlyWhen}) must be recorded by
 * at least one kind's quick run. The summary holds the last value of every series (the platform adds them), so a
 * summary key may also be a series.
 */
class DeclaredSectionsTest {

    /** Kind id → the names its quick run recorded: series, matrices and summary keys. */
    private static final Map<String, Recorded> RECORDED = new LinkedHashMap<>();

    private record Recorded(Set<String> series, Set<String> matrices, Set<String> summary) {
        boolean has(Declared d) {
            Set<String> names = switch (d.source()) {
                case SERIES -> series;
                case MATRIX -> matrices;
                case SUMMARY -> union(summary, series);
            };
            return names.stream().anyMatch(d::matches);
        }
    }

    @BeforeAll
    static void runQuickPresets() throws Exception {
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            RecordingRunContext ctx = runQuick(kind);
            Set<String> matrices = new HashSet<>();
            ctx.matrices().forEach(m -> matrices.add(m.name()));
            RECORDED.put(
                    kind.id(),
                    new Recorded(ctx.series().keySet(), matrices, ctx.summary().keySet()));
        }
    }

    @Test
    void everyKindDeclaresItsSectionsWithUniqueIds() {
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            List<Section> sections = kind.sections();
            assertFalse(sections.isEmpty(), kind.id() + " declares its run page");
            assertEquals(
                    sections.size(),
                    sections.stream().map(Section::id).distinct().count(),
                    kind.id() + ": section ids are unique");
        }
    }

    @Test
    void everyDeclaredNameExistsInTheQuickRunOfItsKind() {
        List<String> missing = new ArrayList<>();
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            Recorded recorded = RECORDED.get(kind.id());
            for (Section section : kind.sections()) {
                for (Declared d : section.declared()) {
                    boolean found = d.onlyWhen() == null
                            ? recorded.has(d)
                            : RECORDED.values().stream().anyMatch(r -> r.has(d));
                    if (!found) {
                        missing.add(kind.id() + " / " + section.id() + ": " + d.source() + " " + d.pattern());
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "declared but not recorded by a quick run");
    }

    @Test
    void everySeriesOfAQuickRunHasASection() {
        List<String> unclaimed = new ArrayList<>();
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            for (String series : RECORDED.get(kind.id()).series()) {
                if (kind.sections().stream().noneMatch(s -> s.claims(series))) {
                    unclaimed.add(kind.id() + ": " + series);
                }
            }
        }
        assertEquals(List.of(), unclaimed, "series shown only in the page's generic panel");
    }

    private static <S extends Record> RecordingRunContext runQuick(ExperimentKind<S> kind) throws Exception {
        S spec = kind.presets().stream()
                .filter(p -> p.id().equals("quick"))
                .findFirst()
                .orElseThrow()
                .spec();
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(spec, ctx);
        assertTrue(ctx.metricCalls() > 0, kind.id() + " recorded nothing");
        return ctx;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
