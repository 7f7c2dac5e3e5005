package org.factlab.runs;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.SpecField;

/**
 * A test kind with controllable behaviour: records series {@code x} (= step) and {@code y} (= step²) and a
 * 2×2 matrix each step, sleeps between steps, reports NaN at step {@code nanAt}
 * and stops reporting at step {@code hangAt} until cancelled.
 */
class ScriptedKind implements ExperimentKind<ScriptedKind.Spec> {

    record Spec(
            @SpecField(description = "steps", min = 1, max = 1_000_000)
            int steps,

            @SpecField(description = "sleep per step (ms)", min = 0, max = 10_000)
            int sleepMs,

            @SpecField(description = "step at which y becomes NaN (−1: never)", min = -1, max = 1_000_000)
            int nanAt,

            @SpecField(
                    description = "step at which the run stops reporting and waits forever (−1: never)",
                    min = -1,
                    max = 1_000_000)
            int hangAt,

            @SpecField(
                    description = "step at which the run throws OutOfMemoryError (−1: never)",
                    min = -1,
                    max = 1_000_000)
            int oomAt,

            @SpecField(description = "seed", min = 0) long seed) {}

    @Override
    public String id() {
        return "test-scripted";
    }

    @Override
    public String title() {
        return "Scripted test kind";
    }

    @Override
    public String description() {
        return "Used by the platform tests";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Spec defaultSpec() {
        return new Spec(5, 0, -1, -1, -1, 0);
    }

    @Override
    public List<Preset<Spec>> presets() {
        return List.of(new Preset<>("tiny", "Tiny", "five steps", defaultSpec(), Map.of("x", 4.0)));
    }

    /** 10 kB per step, so that a million steps (10 GB) exceed the default 4 GiB budget. */
    @Override
    public long estimateMemoryBytes(Spec spec) {
        return spec.steps() * 10_000L;
    }

    @Override
    public Engine engine() {
        return Engine.PLAIN_JAVA;
    }

    @Override
    public void run(Spec spec, RunContext ctx) throws InterruptedException {
        for (int step = 0; step < spec.steps(); step++) {
            while (step == spec.hangAt() && !ctx.cancelled()) {
                Thread.sleep(50);
            }
            if (ctx.cancelled()) {
                return;
            }
            if (step == spec.oomAt()) {
                throw new OutOfMemoryError("Java heap space");
            }
            double y = step == spec.nanAt() ? Double.NaN : (double) step * step;
            ctx.metrics(step, Map.of("x", (double) step, "y", y));
            ctx.matrix("M", step, 2, 2, new float[] {step, -1, 1, step});
            ctx.progress(step + 1, spec.steps());
            Thread.sleep(spec.sleepMs());
        }
    }
}
