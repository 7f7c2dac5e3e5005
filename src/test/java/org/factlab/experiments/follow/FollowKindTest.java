package org.factlab.experiments.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.sections.Declared;
import org.factlab.experiments.sections.Section;
import org.junit.jupiter.api.Test;

/**
 * The follow kind's quick preset is a real followed run: the bundled checkpoints arrive at once, the newest (step 50)
 * is analysed first with the five others recorded as skipped, then the others oldest first; every checkpoint gets
 * every series inspect records and the first layer's matrices, the logged loss its 50 points; the sections claim
 * every series recorded and find every name they declare.
 */
class FollowKindTest {

    @Test
    void theQuickDemoFollowsSixCheckpointsNewestFirst() throws Exception {
        FollowKind kind = new FollowKind();
        RecordingRunContext ctx = new RecordingRunContext();
        kind.run(FollowPresets.QUICK.spec(), ctx);
        Set<Long> steps = Set.copyOf(DemoFeed.STEPS);
        assertEquals(steps, ctx.series("layer1/fact/pearson").keySet());
        assertEquals(steps, ctx.series("layer2/sqrt_enfa/cosine").keySet());
        assertEquals(steps, ctx.series("train/accuracy").keySet());
        assertEquals(Map.of(50L, 5.0), ctx.series(FollowLoop.SKIPPED));
        assertEquals(50, ctx.series("log/train/loss").size());
        assertTrue(
                ctx.series("train/accuracy").get(50L)
                        > ctx.series("train/accuracy").get(1L),
                "the network learns: " + ctx.series("train/accuracy"));
        assertTrue(
                ctx.notes().stream().anyMatch(n -> n.contains("step 50 analysed before steps 1, 2, 5, 10, 20")),
                ctx.notes().toString());
        List<Section> sections = kind.sections();
        for (String series : ctx.series().keySet()) {
            assertTrue(sections.stream().anyMatch(s -> s.claims(series)), "no section shows " + series);
        }
        for (Section s : sections) {
            for (Declared d : s.declared()) {
                boolean found = d.source() == Declared.Source.MATRIX
                        ? ctx.matrices().stream().anyMatch(m -> d.matches(m.name()))
                        : ctx.series().keySet().stream().anyMatch(d::matches);
                assertTrue(found || d.onlyWhen() != null, s.id() + " declares " + d.pattern() + ", not recorded");
            }
        }
    }

    @Test
    void badFieldsAreNamed() {
        SpecValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                SpecValidationException.class,
                () -> SpecCodec.override(FollowPresets.DEFAULTS, Map.of("idleTimeout", 1)));
        assertTrue(e.toString().contains("idleTimeout"), e.toString());
        e = org.junit.jupiter.api.Assertions.assertThrows(
                SpecValidationException.class,
                () -> SpecCodec.override(FollowPresets.DEFAULTS, Map.of("dataset", "../etc")));
        assertTrue(e.toString().contains("dataset"), e.toString());
    }
}
