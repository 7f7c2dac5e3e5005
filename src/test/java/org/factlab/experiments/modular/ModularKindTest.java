package org.factlab.experiments.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.rfm.RfmSeries;
import org.junit.jupiter.api.Test;

class ModularKindTest {

    private final ModularKind kind = new ModularKind();

    private ModularSpec quickWith(Map<String, ?> overrides) {
        return SpecCodec.bind(kind, SpecCodec.toMap(ModularPresets.QUICK.spec()), overrides);
    }

    @Test
    void describesItself() {
        assertEquals("modular", kind.id());
        assertEquals(
                List.of("fig6-nfa", "fig6-fact", "fig6-fact-unnormalised", "quick"),
                kind.presets().stream().map(Preset::id).toList());
    }

    /** The quick preset groks: 0% test accuracy at first with a perfect training fit, 100% from iteration 9. */
    @Test
    void quickPresetGroks() throws Exception {
        ModularSpec spec = ModularPresets.QUICK.spec();
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(spec, ctx);
        int steps = spec.iterations() + 1;
        assertEquals(0.0, ctx.series(RfmSeries.TEST_ACCURACY).get(5L));
        assertEquals(1.0, ctx.series(RfmSeries.TRAIN_ACCURACY).get(5L));
        ModularPresets.QUICK
                .expected()
                .forEach((key, value) -> assertEquals(
                        value, ctx.summary().containsKey(key) ? ctx.summary().get(key) : ctx.last(key), key));
        assertEquals(steps, ctx.series(ModularSeries.CORRECT_LOGIT_LOSS).size());
        assertEquals(steps, ctx.series(ModularSeries.M_COSINE_TO_FINAL).size());
        assertEquals(1.0, ctx.last(ModularSeries.M_COSINE_TO_FINAL), 1e-12);
        assertTrue(ctx.series(ModularSeries.M_COSINE_TO_FINAL).firstEntry().getValue() < 0.9);
        assertTrue(ctx.matrices().stream()
                .anyMatch(m -> m.name().equals(RfmSeries.MATRIX_SQRT_AGOP)
                        && m.rows() == 38
                        && m.step() == spec.iterations()));
    }

    @Test
    void factRunsRecordTheFactSeriesAndMatrix() throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(
                quickWith(Map.of("method", "fact-geometric", "normalize", "trace", "center", false, "iterations", 2)),
                ctx);
        assertEquals(3, ctx.series(RfmSeries.FACT_FIXED_POINT_COSINE).size());
        assertEquals(
                3,
                ctx.matrices().stream()
                        .filter(m -> m.name().equals(RfmSeries.MATRIX_SQRT_FACT_MT))
                        .count());
        assertEquals(38, ctx.last(RfmSeries.TRACE_M), 1e-9);
    }

    @Test
    void invalidSpecsNameTheirField() {
        assertEquals(
                "p",
                assertThrows(SpecValidationException.class, () -> quickWith(Map.of("p", 20, "operation", "div")))
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "trainFraction",
                assertThrows(SpecValidationException.class, () -> quickWith(Map.of("trainFraction", 1)))
                        .errors()
                        .get(0)
                        .field());
    }

    @Test
    void memoryEstimateCoversFigureSix() {
        long estimate = kind.estimateMemoryBytes(ModularPresets.FIG6_FACT.spec());
        long n = 1861;
        assertTrue(estimate > 4 * n * n * 8 && estimate < 200L << 20, "estimate " + estimate);
    }
}
