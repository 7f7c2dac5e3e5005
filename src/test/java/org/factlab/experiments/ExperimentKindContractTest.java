package org.factlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every experiment kind keeps (docs/architecture.md, "Adding an experiment kind"): a {@code quick} preset
 * that finishes, the same numbers for the same spec, cancellation honoured within one reporting step, valid presets,
 * and field-level rejection of out-of-range values.
 */
class ExperimentKindContractTest {

    static Stream<ExperimentKind<?>> kinds() {
        return ExperimentKinds.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void idsAndPresetsAreValid(ExperimentKind<?> kind) {
        assertTrue(kind.id().matches("[a-z][a-z0-9-]*"), kind.id());
        assertTrue(kind.presets().stream().anyMatch(p -> p.id().equals("quick")), "every kind offers a quick preset");
        assertEquals(
                kind.presets().size(),
                new HashSet<>(kind.presets().stream().map(Preset::id).toList()).size());
        kind.presets().forEach(p -> validate(kind, p));
        assertTrue(SpecCodec.fields(kind).stream().anyMatch(f -> f.name().equals("seed")), "every spec has a seed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void quickPresetFinishesAndIsDeterministic(ExperimentKind<?> kind) throws Exception {
        RecordingRunContext first = runQuick(kind, new RecordingRunContext());
        RecordingRunContext second = runQuick(kind, new RecordingRunContext());
        assertFalse(first.series().isEmpty(), "records series");
        assertEquals(first.series(), second.series(), "same spec and seed give the same numbers");
        long[] last = first.progress().get(first.progress().size() - 1);
        assertEquals(last[1], last[0], "progress reaches its total");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void cancellationStopsWithinOneReportingStep(ExperimentKind<?> kind) throws Exception {
        RecordingRunContext full = runQuick(kind, new RecordingRunContext());
        RecordingRunContext cancelled = runQuick(kind, new RecordingRunContext().cancelAfterMetricCalls(2));
        assertTrue(full.metricCalls() > 3, "the quick preset reports more than three steps");
        assertTrue(
                cancelled.metricCalls() <= 3,
                "stopped within one step after the cancel: " + cancelled.metricCalls() + " reporting calls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void outOfRangeFieldsAreRejectedByName(ExperimentKind<?> kind) {
        for (FieldInfo f : SpecCodec.fields(kind)) {
            Object bad = f.min() != null
                    ? (Object) (f.min() - 1)
                    : f.max() != null ? (Object) (f.max() + 1) : !f.choices().isEmpty() ? "no-such-choice" : null;
            if (bad == null) {
                continue;
            }
            SpecValidationException e = assertThrows(
                    SpecValidationException.class, () -> SpecCodec.bind(kind, null, Map.of(f.name(), bad)), f.name());
            assertEquals(f.name(), e.errors().get(0).field());
            assertTrue(e.errors().get(0).message().contains("allowed"), e.getMessage());
        }
    }

    private static <S extends Record> void validate(ExperimentKind<S> kind, Preset<?> preset) {
        SpecCodec.validate(kind, kind.specType().cast(preset.spec()));
    }

    private static <S extends Record> RecordingRunContext runQuick(ExperimentKind<S> kind, RecordingRunContext ctx)
            throws Exception {
        S spec = kind.presets().stream()
                .filter(p -> p.id().equals("quick"))
                .findFirst()
                .orElseThrow()
                .spec();
        kind.run(spec, ctx);
        return ctx;
    }
}
