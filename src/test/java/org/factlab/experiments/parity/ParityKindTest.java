package org.factlab.experiments.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.rfm.RfmSeries;
import org.factlab.kernels.TauKPrime;
import org.junit.jupiter.api.Test;

class ParityKindTest {

    private final ParityKind kind = new ParityKind();

    private ParitySpec quickWith(Map<String, ?> overrides) {
        return SpecCodec.bind(kind, SpecCodec.toMap(ParityPresets.QUICK.spec()), overrides);
    }

    @Test
    void describesItself() {
        assertEquals("parity", kind.id());
        assertEquals(
                List.of("fig5-k2", "fig5-k3", "fig5-k4", "fig1-k4", "quick"),
                kind.presets().stream().map(Preset::id).toList());
    }

    @Test
    void quickPresetRecordsEverySeriesAndMatrixAndSolvesTheTask() throws Exception {
        ParitySpec spec = ParityPresets.QUICK.spec();
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(spec, ctx);
        int steps = spec.iterations() + 1;
        for (String name : concat(RfmSeries.EVERY_STEP, RfmSeries.FACT_STEPS, ParitySeries.ALL)) {
            assertEquals(steps, ctx.series(name).size(), name);
        }
        assertEquals(steps - 1, ctx.series(RfmSeries.M_REL_CHANGE).size());
        for (String name : RfmSeries.FIGURE7) {
            assertEquals(
                    List.of((long) spec.iterations()),
                    List.copyOf(ctx.series(name).keySet()),
                    name);
            assertTrue(ctx.summary().containsKey(name), name);
        }
        for (String name : List.of(RfmSeries.MATRIX_M, RfmSeries.MATRIX_SQRT_AGOP, RfmSeries.MATRIX_SQRT_FACT_MT)) {
            assertEquals(
                    steps,
                    ctx.matrices().stream()
                            .filter(m -> m.name().equals(name) && m.rows() == 50 && m.cols() == 50)
                            .count(),
                    name);
        }
        assertEquals(
                1,
                ctx.matrices().stream()
                        .filter(m -> m.name().equals(RfmSeries.MATRIX_TAU_PAIRS)
                                && m.rows() == TauKPrime.FIGURE7_PAIRS
                                && m.cols() == 2)
                        .count());
        ParityPresets.QUICK.expected().forEach((series, value) -> assertEquals(value, ctx.last(series), series));
        assertEquals(
                0.0, ctx.series(ParitySeries.SUPPORT_RECOVERED).firstEntry().getValue());
        assertEquals(1.0, ctx.series(RfmSeries.TEST_ACCURACY).get(1L));
        assertEquals(50, ctx.last(RfmSeries.TRACE_M), 1e-9, "trace normalisation");
    }

    /** Figure 5, k = 2: the support from iteration 1 on, 100% test accuracy. */
    @Test
    void figure5K2PresetReachesItsReferenceValues() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(ParityPresets.FIG5_K2.spec(), ctx);
        ParityPresets.FIG5_K2.expected().forEach((series, value) -> assertEquals(value, ctx.last(series), series));
        assertEquals(1.0, ctx.series(ParitySeries.SUPPORT_RECOVERED).get(1L));
    }

    @Test
    void nfaRunsRecordNoFactSeries() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(quickWith(Map.of("method", "nfa", "normalize", "none", "iterations", 1)), ctx);
        assertEquals(1.0, ctx.last(RfmSeries.TEST_ACCURACY));
        assertEquals(1.0, ctx.last(ParitySeries.SUPPORT_RECOVERED));
        assertTrue(ctx.series(RfmSeries.FACT_NORM).isEmpty());
        assertFalse(ctx.matrices().stream().anyMatch(m -> m.name().equals(RfmSeries.MATRIX_SQRT_FACT_MT)));
    }

    @Test
    void givenSupportIsTheOneRecovered() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(quickWith(Map.of("support", "7, 30", "iterations", 1, "n", 300, "nTest", 200)), ctx);
        assertEquals(1.0, ctx.last(ParitySeries.SUPPORT_RECOVERED));
    }

    @Test
    void invalidSpecsNameTheirField() {
        assertEquals(
                "k",
                assertThrows(SpecValidationException.class, () -> quickWith(Map.of("d", 3, "k", 4)))
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "support",
                assertThrows(SpecValidationException.class, () -> quickWith(Map.of("support", "3,3")))
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "support",
                assertThrows(SpecValidationException.class, () -> quickWith(Map.of("support", "1,x")))
                        .errors()
                        .get(0)
                        .field());
    }

    /** d = 2 has four distinct points: duplicated rows make K singular without a ridge. */
    @Test
    void singularKernelSystemsEndTheRunDiverged() {
        ParitySpec spec = quickWith(Map.of("d", 2, "k", 1, "n", 40, "nTest", 10));
        RunDivergedException e =
                assertThrows(RunDivergedException.class, () -> kind.run(spec, new RecordingRunContext()));
        assertTrue(e.getMessage().contains("iteration 0") && e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void memoryEstimateRefusesPaperScaleRunsOnTheDefaultBudget() {
        long budget = 4L << 30;
        assertTrue(kind.estimateMemoryBytes(ParityPresets.QUICK.spec()) < 20L << 20);
        assertTrue(kind.estimateMemoryBytes(ParityPresets.FIG5_K3.spec()) < budget);
        assertTrue(kind.estimateMemoryBytes(ParityPresets.FIG5_K4.spec()) > 2 * 50_000.0 * 50_000 * 8);
        assertTrue(kind.estimateMemoryBytes(ParityPresets.FIG1_K4.spec()) > budget);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
