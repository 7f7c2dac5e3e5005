package org.factlab.experiments.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.math.Prediction;
import org.junit.jupiter.api.Test;

class MlpKindTest {

    private final MlpKind kind = new MlpKind();

    /** A small MNIST run: 200 images, width 32, 2 epochs, a probe every epoch. */
    private MlpSpec small(Map<String, ?> overrides) {
        Map<String, Object> base = SpecCodec.toMap(MlpPresets.QUICK.spec());
        base.putAll(Map.of("n", 200, "testSize", 100, "width", 32, "epochs", 2, "evalEvery", 1));
        return SpecCodec.bind(kind, base, overrides);
    }

    @Test
    void describesItselfWithTheIssuesPresetIds() {
        assertEquals("mlp", kind.id());
        assertEquals(
                List.of(
                        "table2-mnist-1k",
                        "table2-mnist-1k-converged",
                        "table2-mnist-2k",
                        "table2-mnist-5k",
                        "table2-mnist-60k",
                        "fig3-deep",
                        "fig11-linear-L2",
                        "fig11-linear-L3",
                        "fig11-linear-L4",
                        "cifar10",
                        "quick"),
                kind.presets().stream().map(Preset::id).toList());
        for (Preset<MlpSpec> preset : kind.presets()) {
            SpecCodec.validate(kind, preset.spec());
            assertFalse(preset.description().isBlank(), preset.id());
        }
        MlpSpec table2 = kind.presets().get(0).spec();
        assertEquals(
                List.of(1_000, 3, 1024, 200, 64),
                List.of(table2.n(), table2.depth(), table2.width(), table2.epochs(), table2.batchSize()));
        assertEquals(List.of(0.1, 0.9, 1e-4), List.of(table2.lr(), table2.momentum(), table2.lambda()));
    }

    @Test
    void specFieldNamesAreTheContract() {
        assertEquals(
                List.of(
                        "dataset",
                        "n",
                        "testSize",
                        "depth",
                        "width",
                        "activation",
                        "bias",
                        "optimizer",
                        "lr",
                        "momentum",
                        "lambda",
                        "batchSize",
                        "epochs",
                        "evalEvery",
                        "backward",
                        "seed",
                        "standardise",
                        "inputDim",
                        "outputDim",
                        "lrSchedule",
                        "loss"),
                List.copyOf(SpecCodec.toMap(MlpPresets.QUICK.spec()).keySet()));
    }

    /**
     * Every series of every layer at every probe, the first layer's matrices, and two closed forms: the last
     * layer's AGOP is W_LᵀW_L exactly (f is linear in its input h_L with Jacobian W_L), and relerr is the distance
     * of FACT from WᵀW.
     */
    @Test
    void crossEntropyNeedsClasses() {
        SpecValidationException e = assertThrows(
                SpecValidationException.class,
                () -> SpecCodec.bind(
                        kind, SpecCodec.toMap(MlpPresets.FIG11_LINEAR_L2.spec()), Map.of("loss", "cross-entropy")));
        assertEquals("loss", e.errors().get(0).field());
    }

    @Test
    void recordsEverySeriesPerLayerAndProbe() throws Exception {
        MlpSpec spec = small(Map.of());
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(spec, ctx);
        Set<Long> probes = Set.of(0L, 1L, 2L);
        for (String name : List.of(
                MlpSeries.TRAIN_LOSS,
                MlpSeries.TRAIN_ACCURACY,
                MlpSeries.TEST_LOSS,
                MlpSeries.TEST_ACCURACY,
                MlpSeries.LEARNING_RATE)) {
            assertEquals(probes, ctx.series(name).keySet(), name);
        }
        for (int l = 1; l <= spec.depth(); l++) {
            assertEquals(probes, ctx.series(MlpSeries.gradNorm(l)).keySet());
            assertEquals(
                    probes, ctx.series(MlpSeries.factRelativeError(l, false)).keySet());
            for (Prediction p : Prediction.values()) {
                for (String similarity : MlpSeries.SIMILARITIES) {
                    assertEquals(
                            probes,
                            ctx.series(MlpSeries.similarity(l, false, p, similarity))
                                    .keySet(),
                            p.id());
                    boolean backward = p != Prediction.AGOP_1_OVER_L;
                    assertEquals(backward, ctx.series().containsKey(MlpSeries.similarity(l, true, p, similarity)));
                }
            }
            assertEquals(
                    probes, ctx.series(MlpSeries.factRelativeError(l, true)).keySet());
        }
        ctx.series(MlpSeries.similarity(3, false, Prediction.AGOP, MlpSeries.PEARSON))
                .values()
                .forEach(v -> assertEquals(1.0, v, 1e-10));
        for (String name : MlpSeries.MATRICES) {
            assertEquals(
                    3,
                    ctx.matrices().stream()
                            .filter(m -> m.name().equals(name) && m.rows() == 784 && m.cols() == 784)
                            .count(),
                    name);
        }
        long[] progress = ctx.progress().get(ctx.progress().size() - 1);
        assertEquals(2, progress[0]);
        assertEquals(2, progress[1]);
        assertEquals(0.1, ctx.series(MlpSeries.LEARNING_RATE).get(0L), 1e-15);
        assertEquals(
                0.1 * (1 + Math.cos(Math.PI / 2)) / 2,
                ctx.series(MlpSeries.LEARNING_RATE).get(2L),
                1e-15);
    }

    @Test
    void deepLinearRunRecordsAgopPowersWithoutAccuracy() throws Exception {
        MlpSpec spec = SpecCodec.bind(
                kind,
                SpecCodec.toMap(MlpPresets.FIG11_LINEAR_L3.spec()),
                Map.of("n", 300, "testSize", 50, "width", 16, "epochs", 3, "evalEvery", 3));
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(spec, ctx);
        assertFalse(ctx.series().containsKey(MlpSeries.TRAIN_ACCURACY));
        assertFalse(ctx.series().containsKey(MlpSeries.TEST_ACCURACY));
        assertEquals(Set.of(0L, 3L), ctx.series(MlpSeries.TEST_LOSS).keySet());
        assertTrue(
                ctx.last(MlpSeries.TRAIN_LOSS)
                        < ctx.series(MlpSeries.TRAIN_LOSS).get(0L),
                "training fits y = W*x");
        assertTrue(
                ctx.series().containsKey(MlpSeries.similarity(1, false, Prediction.AGOP_1_OVER_L, MlpSeries.COSINE)));
        assertEquals(10, ctx.matrices().get(0).rows());
    }

    @Test
    void sameSpecGivesIdenticalNumbersAndAnotherSeedDoesNot() throws Exception {
        MlpSpec spec = small(Map.of("epochs", 1));
        RecordingRunContext first = new RecordingRunContext();
        RecordingRunContext second = new RecordingRunContext();
        RecordingRunContext otherSeed = new RecordingRunContext();
        kind.run(spec, first);
        kind.run(spec, second);
        kind.run(small(Map.of("epochs", 1, "seed", 1)), otherSeed);
        assertEquals(first.series(), second.series());
        assertFalse(first.series().equals(otherSeed.series()));
    }

    @Test
    void cancelledBeforeTrainingRecordsOnlyTheInitialProbe() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        ctx.cancel();
        kind.run(small(Map.of()), ctx);
        assertEquals(Set.of(0L), recordedSteps(ctx));
    }

    /** The steps at which anything was recorded. */
    private static Set<Long> recordedSteps(RecordingRunContext ctx) {
        Set<Long> steps = new TreeSet<>();
        ctx.series().values().forEach(points -> steps.addAll(points.keySet()));
        return steps;
    }

    /** Kinds accept any constructed spec: a learning rate far beyond the validated range overflows float32. */
    @Test
    void hugeLearningRateDivergesNamingTheEpoch() {
        MlpSpec s = small(Map.of());
        MlpSpec spec = new MlpSpec(
                s.dataset(),
                s.n(),
                s.testSize(),
                s.depth(),
                s.width(),
                s.activation(),
                s.bias(),
                s.optimizer(),
                1e30,
                s.momentum(),
                s.lambda(),
                s.batchSize(),
                s.epochs(),
                s.evalEvery(),
                s.backward(),
                s.seed(),
                s.standardise(),
                s.inputDim(),
                s.outputDim(),
                s.lrSchedule(),
                s.loss());
        RecordingRunContext ctx = new RecordingRunContext();
        RunDivergedException e = assertThrows(RunDivergedException.class, () -> kind.run(spec, ctx));
        assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
        assertEquals(Set.of(0L), recordedSteps(ctx), "the initial probe was recorded, nothing after it");
    }

    @Test
    void bindRejectsBadFieldsNamingThem() {
        assertRejected(Map.of("n", 0), "n");
        assertRejected(Map.of("lambda", 0), "lambda");
        assertRejected(Map.of("activation", "sigmoid"), "activation");
        assertRejected(Map.of("dataset", "cifar10", "n", 60_000), "n");
        assertRejected(Map.of("epochs", 100_000, "evalEvery", 1), "evalEvery");
        SpecValidationException e = assertThrows(SpecValidationException.class, () -> small(Map.of("lr", 0)));
        assertTrue(e.getMessage().contains("lr") && e.getMessage().contains("allowed"), e.getMessage());
    }

    @Test
    void cpuPresetsFitTheDefaultMemoryBudget() {
        long budget = 4L << 30;
        for (String id :
                List.of("quick", "table2-mnist-1k", "table2-mnist-1k-converged", "fig11-linear-L4", "cifar10")) {
            MlpSpec spec = kind.presets().stream()
                    .filter(p -> p.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .spec();
            assertTrue(kind.estimateMemoryBytes(spec) < budget, id + ": " + kind.estimateMemoryBytes(spec));
        }
        MlpSpec wide = small(Map.of("width", 8192, "depth", 16));
        assertTrue(kind.estimateMemoryBytes(wide) > budget, "16 layers of width 8192 are refused");
    }

    private void assertRejected(Map<String, ?> overrides, String field) {
        SpecValidationException e = assertThrows(SpecValidationException.class, () -> small(overrides));
        assertTrue(e.errors().stream().map(FieldError::field).anyMatch(field::equals), e.getMessage());
    }
}
