package org.factlab.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.modular.ModularKind;
import org.factlab.experiments.parity.ParityKind;
import org.junit.jupiter.api.Test;

/** Sweep expansion: Cartesian product, ranges, seeds, the cap and field-named errors. */
class SweepExpansionTest {

    private final ParityKind parity = new ParityKind();

    @Test
    void productRunsEverySettingWithEverySeedFirstAxisSlowest() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("n", List.of(200, 300));
        sweep.put("method", List.of("nfa", "fact", "kernel"));
        StudyPlan plan = SweepExpansion.expand(parity, "quick", Map.of("iterations", 1), sweep, 2, 200);

        assertEquals(6, plan.settings().size());
        assertEquals(12, plan.runs().size());
        assertEquals(Map.of("n", 200, "method", "nfa"), plan.settings().get(0));
        assertEquals(Map.of("n", 200, "method", "fact"), plan.settings().get(1));
        assertEquals(Map.of("n", 300, "method", "kernel"), plan.settings().get(5));
        for (int i = 0; i < plan.runs().size(); i++) {
            StudyPlan.PlannedRun run = plan.runs().get(i);
            Map<String, Object> setting = plan.settings().get(i / 2);
            assertEquals(i / 2, run.setting());
            assertEquals(i % 2, run.seedIndex());
            assertEquals(setting.get("n"), run.spec().get("n"));
            assertEquals(setting.get("method"), run.spec().get("method"));
            assertEquals((long) (i % 2), run.spec().get("seed"), "seed = base seed 0 + seed index");
            assertEquals(1, run.spec().get("iterations"), "spec overrides reach every run");
            assertEquals(1000, run.spec().get("nTest"), "the preset's other fields");
            assertEquals("quick", run.preset());
        }
        assertEquals(List.of(200, 300), plan.sweep().get("n"));
    }

    @Test
    void seedsStartAtTheBaseSeed() {
        StudyPlan plan = SweepExpansion.expand(parity, "quick", Map.of("seed", 40), Map.of(), 3, 200);
        assertEquals(List.of(Map.of()), plan.settings(), "no sweep: one setting");
        assertEquals(
                List.of(40L, 41L, 42L),
                plan.runs().stream().map(r -> r.spec().get("seed")).toList());
    }

    @Test
    void linearAndLogRangesIncludeBothEnds() {
        StudyPlan linear = SweepExpansion.expand(
                parity, "quick", null, Map.of("bandwidth", Map.of("from", 1, "to", 2, "steps", 5)), 1, 200);
        assertEquals(List.of(1.0, 1.25, 1.5, 1.75, 2.0), linear.sweep().get("bandwidth"));

        StudyPlan log = SweepExpansion.expand(
                parity,
                "quick",
                null,
                Map.of("n", Map.of("from", 100, "to", 10000, "steps", 3, "scale", "log")),
                1,
                200);
        assertEquals(List.of(100, 1000, 10000), log.sweep().get("n"), "integer field: 100·100^{i/2} rounded");

        StudyPlan logReal = SweepExpansion.expand(
                parity,
                "quick",
                null,
                Map.of("reg", Map.of("from", 1e-4, "to", 1e-1, "steps", 4, "scale", "log")),
                1,
                200);
        List<Object> regs = logReal.sweep().get("reg");
        double[] expected = {1e-4, 1e-3, 1e-2, 1e-1};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], (double) regs.get(i), 1e-15, "reg " + i);
        }
    }

    @Test
    void presetAxisTakesEachPresetAsBase() {
        StudyPlan plan = SweepExpansion.expand(
                new ModularKind(),
                null,
                Map.of("iterations", 2),
                Map.of("preset", List.of("fig6-nfa", "fig6-fact")),
                1,
                200);
        assertEquals("fig6-nfa", plan.runs().get(0).preset());
        assertEquals("nfa", plan.runs().get(0).spec().get("method"));
        assertEquals("fact-geometric", plan.runs().get(1).spec().get("method"));
        assertEquals("trace", plan.runs().get(1).spec().get("normalize"));
        assertEquals(2, plan.runs().get(1).spec().get("iterations"));
    }

    @Test
    void theCapCountsSettingsTimesSeeds() {
        Map<String, Object> sweep = Map.of("n", Map.of("from", 100, "to", 1000, "steps", 10));
        assertEquals(
                200,
                SweepExpansion.expand(parity, "quick", null, sweep, 20, 200)
                        .runs()
                        .size());
        SpecValidationException e = assertThrows(
                SpecValidationException.class, () -> SweepExpansion.expand(parity, "quick", null, sweep, 21, 200));
        assertError(e, "sweep", "expands to 210 runs (10 settings × 21 seeds); allowed: at most 200 runs");
    }

    @Test
    void badSweepsNameTheirField() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("colour", List.of(1));
        sweep.put("seed", List.of(1, 2));
        sweep.put("kernel", Map.of("from", 1, "to", 2, "steps", 2));
        sweep.put("bandwidth", List.of());
        sweep.put("preset", List.of("nope"));
        SpecValidationException e = assertThrows(
                SpecValidationException.class, () -> SweepExpansion.expand(parity, "quick", null, sweep, 0, 200));
        assertError(e, "sweep.colour", "unknown field; allowed fields: method");
        assertError(e, "sweep.seed", "\"seeds\": N");
        assertError(e, "sweep.kernel", "a range needs a numeric field");
        assertError(e, "sweep.bandwidth", "at least one value");
        assertError(e, "sweep.preset", "unknown preset 'nope'");
        assertError(e, "seeds", "[1, 200]");
        assertEquals(6, e.errors().size(), e.getMessage());
    }

    @Test
    void valuesAreValidatedThroughTheSpecWithTheSettingNamed() {
        SpecValidationException range = assertThrows(
                SpecValidationException.class,
                () -> SweepExpansion.expand(parity, "quick", null, Map.of("n", List.of(500, 1)), 1, 200));
        assertError(range, "sweep.n", "1 is out of range; allowed: integer in [2, 200000] (setting n=1)");

        SpecValidationException cross = assertThrows(
                SpecValidationException.class,
                () -> SweepExpansion.expand(parity, "quick", Map.of("d", 30), Map.of("k", List.of(2, 31)), 1, 200));
        assertError(cross, "sweep.k", "d = 30");

        SpecValidationException repeated = assertThrows(
                SpecValidationException.class,
                () -> SweepExpansion.expand(parity, "quick", null, Map.of("n", List.of(500, "500")), 1, 200));
        assertError(repeated, "sweep.n", "repeats a value");

        SpecValidationException rounding = assertThrows(
                SpecValidationException.class,
                () -> SweepExpansion.expand(
                        parity, "quick", null, Map.of("k", Map.of("from", 1, "to", 2, "steps", 3)), 1, 200));
        assertError(rounding, "sweep.k", "use fewer steps");
    }

    @Test
    void seedsBeyondTheSeedRangeAreRefused() {
        SpecValidationException e = assertThrows(
                SpecValidationException.class,
                () -> SweepExpansion.expand(parity, "quick", Map.of("seed", 9_007_199_254_740_991L), Map.of(), 4, 200));
        assertError(e, "seeds", "out of range");
    }

    static void assertError(SpecValidationException e, String field, String fragment) {
        List<FieldError> matching =
                e.errors().stream().filter(err -> err.field().equals(field)).toList();
        assertTrue(
                matching.stream().anyMatch(err -> err.message().contains(fragment)),
                field + " should say '" + fragment + "': " + e.errors());
    }
}
