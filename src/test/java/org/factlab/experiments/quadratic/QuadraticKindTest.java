package org.factlab.experiments.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.junit.jupiter.api.Test;

class QuadraticKindTest {

    private final QuadraticKind kind = new QuadraticKind();

    private static QuadraticSpec quick() {
        return QuadraticPresets.QUICK.spec();
    }

    /** The quick spec with some fields replaced, through the codec as the platform does. */
    private QuadraticSpec quickWith(Map<String, ?> overrides) {
        return SpecCodec.bind(kind, SpecCodec.toMap(quick()), overrides);
    }

    @Test
    void describesItself() {
        assertEquals("quadratic", kind.id());
        assertEquals(ExperimentKind.Engine.PLAIN_JAVA, kind.engine());
        assertTrue(kind.description().contains("Theorem 3.4"));
        assertEquals(
                List.of("fig4", "fig4-as-printed", "quick"),
                kind.presets().stream().map(Preset::id).toList());
        assertEquals("Figure 4 (λ = 1e-7, 3·10⁵ steps)", kind.presets().get(0).title());
        assertEquals(
                "Figure 4 as printed (λ = 1e-5, 10⁶ steps)",
                kind.presets().get(1).title());
    }

    @Test
    void quickPresetRecordsEverySeriesAndReachesTheSeparation() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(quick(), ctx);

        long iterations = quick().iterations();
        long evaluations = iterations / quick().evalEvery() + 1;
        for (String name : QuadraticSeries.ALL) {
            assertEquals(evaluations, ctx.series(name).size(), name);
            assertEquals(0L, ctx.series(name).firstKey(), name);
            assertEquals(iterations, ctx.series(name).lastKey(), name);
        }
        for (String name : QuadraticSeries.MATRICES) {
            assertEquals(
                    evaluations,
                    ctx.matrices().stream()
                            .filter(m -> m.name().equals(name) && m.rows() == 4 && m.cols() == 4)
                            .count(),
                    name);
        }
        long[] lastProgress = ctx.progress().get(ctx.progress().size() - 1);
        assertEquals(iterations, lastProgress[0]);
        assertEquals(iterations, lastProgress[1]);

        assertTrue(ctx.last(QuadraticSeries.FACT_COSINE) >= 0.999);
        assertTrue(ctx.last(QuadraticSeries.AGOP_COSINE) <= 0.15);
        assertTrue(ctx.last(QuadraticSeries.FACT_RELERR) < 1e-2);
        assertTrue(ctx.last(QuadraticSeries.GRAD_NORM) < 1e-9);
    }

    /**
     * The expected values are the reference figures of docs/reproduction.md (Figure 4) (and 1.0 for the rank-one
     * optimum).
     */
    @Test
    void everyPresetReachesItsExpectedValues() throws Exception {
        for (Preset<QuadraticSpec> preset : kind.presets()) {
            RecordingRunContext ctx = new RecordingRunContext();
            kind.run(preset.spec(), ctx);
            preset.expected()
                    .forEach((series, expected) ->
                            assertEquals(expected, ctx.last(series), 0.005, preset.id() + " " + series));
        }
    }

    @Test
    void sameSpecGivesIdenticalNumbers() throws Exception {
        QuadraticSpec spec = quickWith(Map.of("iterations", 5_000, "evalEvery", 250));
        RecordingRunContext first = new RecordingRunContext();
        RecordingRunContext second = new RecordingRunContext();
        kind.run(spec, first);
        kind.run(spec, second);
        assertEquals(first.series(), second.series());
        RecordingRunContext otherSeed = new RecordingRunContext();
        kind.run(quickWith(Map.of("iterations", 5_000, "evalEvery", 250, "seed", 1)), otherSeed);
        assertFalse(first.series().equals(otherSeed.series()));
    }

    @Test
    void cancellationStopsWithinOneEvaluationInterval() throws Exception {
        QuadraticSpec spec = quickWith(Map.of("iterations", 1_000_000, "evalEvery", 2_000));
        RecordingRunContext ctx = new RecordingRunContext().cancelAfterMetricCalls(3);
        kind.run(spec, ctx);
        // evaluations at 0, 2000, 4000 trip the cancel flag; the run may record at most one more
        assertTrue(ctx.metricCalls() <= 4, "metric calls after cancel: " + ctx.metricCalls());
        assertTrue(ctx.series(QuadraticSeries.LOSS).lastKey() <= 6_000);
    }

    @Test
    void cancelledBeforeStartingRecordsOnlyTheInitialState() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        ctx.cancel();
        kind.run(quick(), ctx);
        assertEquals(1, ctx.metricCalls());
    }

    /**
     * Adam moves each parameter by about lr per step, so nothing overflows within the validated ranges;
     * the guard is exercised with a learning rate far beyond them (kinds accept any constructed spec).
     */
    @Test
    void hugeLearningRateDivergesNamingTheStep() {
        QuadraticSpec q = quick();
        QuadraticSpec spec = new QuadraticSpec(
                q.width(),
                q.tau(),
                q.p(),
                q.lambda(),
                1e300,
                q.beta1(),
                q.beta2(),
                q.eps(),
                q.iterations(),
                q.evalEvery(),
                q.initScale(),
                q.seed(),
                q.lossScale(),
                LearningRateSchedule.CONSTANT);
        RecordingRunContext ctx = new RecordingRunContext();
        RunDivergedException e = assertThrows(RunDivergedException.class, () -> kind.run(spec, ctx));
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        assertEquals(1, ctx.metricCalls(), "step 0 was recorded before the divergence");
    }

    @Test
    void everyPresetIsValid() {
        for (Preset<QuadraticSpec> preset : kind.presets()) {
            SpecCodec.validate(kind, preset.spec());
            assertFalse(preset.description().isBlank(), preset.id());
            assertFalse(preset.expected().isEmpty(), preset.id());
            long evaluations = preset.spec().iterations() / preset.spec().evalEvery();
            assertTrue(evaluations >= 100 && evaluations <= 1000, preset.id() + ": " + evaluations + " evaluations");
        }
        SpecCodec.validate(kind, kind.defaultSpec());
    }

    @Test
    void bindRejectsOutOfRangeFieldsNamingThem() {
        assertRejected(Map.of("width", 0), "width");
        assertRejected(Map.of("lambda", -1), "lambda");
        assertRejected(Map.of("lambda", 0), "lambda");
        assertRejected(Map.of("p", 1.5), "p");
        assertRejected(Map.of("lrSchedule", "linear"), "lrSchedule");
        assertRejected(Map.of("iterations", 10_000_000, "evalEvery", 1), "evalEvery");
    }

    @Test
    void specFieldNamesAreTheContract() {
        assertEquals(
                List.of(
                        "width",
                        "tau",
                        "p",
                        "lambda",
                        "lr",
                        "beta1",
                        "beta2",
                        "eps",
                        "iterations",
                        "evalEvery",
                        "initScale",
                        "seed",
                        "lossScale",
                        "lrSchedule"),
                List.copyOf(SpecCodec.toMap(quick()).keySet()));
        QuadraticSpec bound = SpecCodec.bind(kind, null, Map.of("width", "12", "lambda", "1e-6"));
        assertEquals(12, bound.width());
        assertEquals(1e-6, bound.lambda());
    }

    private void assertRejected(Map<String, ?> overrides, String field) {
        SpecValidationException e = assertThrows(SpecValidationException.class, () -> quickWith(overrides));
        assertTrue(e.errors().stream().map(FieldError::field).anyMatch(field::equals), e.getMessage());
    }
}
