package org.factlab.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.factlab.data.QuadraticSeparationData;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.quadratic.QuadraticKind;
import org.factlab.experiments.quadratic.QuadraticSeries;
import org.factlab.experiments.quadratic.QuadraticSpec;
import org.factlab.nn.quadratic.Adam;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.factlab.nn.quadratic.QuadraticNetwork;
import org.factlab.nn.quadratic.QuadraticObjective;
import org.factlab.nn.quadratic.QuadraticTrainer;

/**
 * Times 10⁶ full-batch Adam steps of Figure 4's network (width 10, 82 atoms) against the 60 s budget,
 * then every preset of the quadratic kind end to end with an in-memory run context. Not a test: run it
 * with {@code bench/quadratic.sh}.
 */
public final class QuadraticAdamBenchmark {

    private static final long STEPS = 1_000_000;
    private static final double BUDGET_SECONDS = 60;

    private QuadraticAdamBenchmark() {}

    public static void main(String[] args) throws Exception {
        timeSteps(STEPS);
        double seconds = timeSteps(STEPS);
        System.out.printf(
                Locale.ROOT,
                "10^6 Adam steps: %.2f s, %.0f steps/s, %.3f of the %.0f s budget%n",
                seconds,
                STEPS / seconds,
                seconds / BUDGET_SECONDS,
                BUDGET_SECONDS);
        QuadraticKind kind = new QuadraticKind();
        for (Preset<QuadraticSpec> preset : kind.presets()) {
            RecordingRunContext ctx = new RecordingRunContext();
            long start = System.nanoTime();
            kind.run(preset.spec(), ctx);
            double runSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "preset %-16s %6.2f s  cos(FACT)=%.5f cos(AGOP)=%.4f cos(sqrtAGOP)=%.4f "
                            + "cos(eNFA)=%.4f relerr=%.2e grad_norm=%.2e loss=%.4e%n",
                    preset.id(),
                    runSeconds,
                    ctx.last(QuadraticSeries.FACT_COSINE),
                    ctx.last(QuadraticSeries.AGOP_COSINE),
                    ctx.last(QuadraticSeries.SQRT_AGOP_COSINE),
                    ctx.last(QuadraticSeries.ENFA_COSINE),
                    ctx.last(QuadraticSeries.FACT_RELERR),
                    ctx.last(QuadraticSeries.GRAD_NORM),
                    ctx.last(QuadraticSeries.LOSS));
        }
    }

    /** Seconds for {@code steps} Adam steps in Figure 4's setting (λ = 1e-7, cosine decay). */
    private static double timeSteps(long steps) {
        QuadraticSeparationData data = QuadraticSeparationData.of(1e-5, 0.02);
        QuadraticObjective objective = new QuadraticObjective(data.inputs(), data.targets(), data.weights(), 1, 1e-7);
        QuadraticNetwork net = QuadraticNetwork.initialised(10, 4, 1, new SplittableRandom(0));
        QuadraticTrainer trainer = new QuadraticTrainer(
                net,
                objective,
                new Adam(net.parameters().length, 0.9, 0.999, 1e-8),
                LearningRateSchedule.COSINE,
                0.01,
                steps);
        long start = System.nanoTime();
        for (long t = 0; t < steps; t++) {
            if (!trainer.step()) {
                throw new IllegalStateException("diverged at step " + (t + 1));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
