package org.factlab.experiments.quadratic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.factlab.data.QuadraticSeparationData;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.paper.PaperLabelledKind;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Matrices;
import org.factlab.math.Similarity;
import org.factlab.nn.quadratic.Adam;
import org.factlab.nn.quadratic.QuadraticFeatures;
import org.factlab.nn.quadratic.QuadraticNetwork;
import org.factlab.nn.quadratic.QuadraticObjective;
import org.factlab.nn.quadratic.QuadraticTrainer;

/**
 * Theorem 3.4 / Figure 4 / Appendix D: a two-layer network f(x) = aᵀ(Wx)² trained by full-batch Adam on
 * the population loss of D(p, τ), comparing FACT, AGOP, √AGOP and eNFA with WᵀW as training goes.
 * Series names: {@link QuadraticSeries}.
 */
public final class QuadraticKind implements PaperLabelledKind<QuadraticSpec> {

    /** Most steps between two looks at {@link RunContext#cancelled()} (about 2 ms of work). */
    static final int CANCEL_CHECK_INTERVAL = 1000;

    @Override
    public String id() {
        return "quadratic";
    }

    /** Figure 4 in seconds: what a first visit to the launch page opens on, rather than a long run. */
    @Override
    public boolean opensLaunchPage() {
        return true;
    }

    @Override
    public String title() {
        return "Two-layer quadratic network: FACT vs NFA (Theorem 3.4, Figure 4)";
    }

    @Override
    public String description() {
        return "Trains f(x) = aᵀ(Wx)² (quadratic activation, width m) with full-batch Adam on the population "
                + "loss of D(p, τ): x uniform on {0,1,2}⁴ with probability p, x = (1,1,0,0) otherwise, "
                + "y = τ x₁x₂ + x₃x₄, weight decay λ as coupled L2. Every evaluation records the cosine and "
                + "Pearson similarity of FACT, AGOP, √AGOP and eNFA with WᵀW, the loss, ‖∇L_λ‖ and the "
                + "relative error of FACT. Theorem 3.4 (Appendix D) proves that at the optimum FACT = WᵀW "
                + "while the NFA prediction AGOPˢ is nearly uncorrelated with WᵀW; Figure 4 shows it.";
    }

    @Override
    public Class<QuadraticSpec> specType() {
        return QuadraticSpec.class;
    }

    @Override
    public QuadraticSpec defaultSpec() {
        return QuadraticPresets.DEFAULTS;
    }

    @Override
    public List<Preset<QuadraticSpec>> presets() {
        return QuadraticPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        return QuadraticSections.all();
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(
                QuadraticSeries.FACT_COSINE,
                QuadraticSeries.AGOP_COSINE,
                QuadraticSeries.SQRT_AGOP_COSINE,
                QuadraticSeries.GRAD_NORM);
    }

    @Override
    public Engine engine() {
        return Engine.PLAIN_JAVA;
    }

    @Override
    public void run(QuadraticSpec spec, RunContext ctx) {
        QuadraticSeparationData data = QuadraticSeparationData.of(spec.p(), spec.tau());
        QuadraticObjective objective =
                new QuadraticObjective(data.inputs(), data.targets(), data.weights(), spec.lossScale(), spec.lambda());
        QuadraticNetwork network = QuadraticNetwork.initialised(
                spec.width(), QuadraticSeparationData.DIMENSION, spec.initScale(), new SplittableRandom(spec.seed()));
        QuadraticTrainer trainer = new QuadraticTrainer(
                network,
                objective,
                new Adam(network.parameters().length, spec.beta1(), spec.beta2(), spec.eps()),
                spec.lrSchedule(),
                spec.lr(),
                spec.iterations());
        long total = spec.iterations();
        for (long step = 0; ; step++) {
            boolean evaluation = step % spec.evalEvery() == 0 || step == total;
            if (evaluation) {
                evaluate(step, trainer, ctx);
                ctx.progress(step, total);
            }
            if (step == total || ((evaluation || step % CANCEL_CHECK_INTERVAL == 0) && ctx.cancelled())) {
                return;
            }
            if (!trainer.step()) {
                throw new RunDivergedException("Adam step " + (step + 1) + " of " + total
                        + " made a parameter NaN or infinite (learning rate " + spec.lr() + " too large?)");
            }
        }
    }

    /** Records every series of {@link QuadraticSeries} and the three matrix snapshots at {@code step}. */
    private static void evaluate(long step, QuadraticTrainer trainer, RunContext ctx) {
        QuadraticNetwork net = trainer.network();
        QuadraticObjective objective = trainer.objective();
        double loss = objective.dataLoss(net);
        if (!Double.isFinite(loss)) {
            throw new RunDivergedException("the loss became " + loss + " at step " + step);
        }
        QuadraticFeatures f = QuadraticFeatures.at(net, objective);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(QuadraticSeries.FACT_COSINE, Similarity.cosine(f.fact(), f.wtw()));
        values.put(QuadraticSeries.AGOP_COSINE, Similarity.cosine(f.agop(), f.wtw()));
        values.put(QuadraticSeries.SQRT_AGOP_COSINE, Similarity.cosine(f.sqrtAgop(), f.wtw()));
        values.put(QuadraticSeries.ENFA_COSINE, Similarity.cosine(f.enfa(), f.wtw()));
        values.put(QuadraticSeries.FACT_PEARSON, Similarity.pearson(f.fact(), f.wtw()));
        values.put(QuadraticSeries.AGOP_PEARSON, Similarity.pearson(f.agop(), f.wtw()));
        values.put(QuadraticSeries.SQRT_AGOP_PEARSON, Similarity.pearson(f.sqrtAgop(), f.wtw()));
        values.put(QuadraticSeries.ENFA_PEARSON, Similarity.pearson(f.enfa(), f.wtw()));
        values.put(QuadraticSeries.LOSS, loss);
        values.put(QuadraticSeries.OBJECTIVE, objective.objective(net));
        values.put(QuadraticSeries.GRAD_NORM, trainer.gradientNorm());
        values.put(QuadraticSeries.FACT_RELERR, Matrices.relativeError(f.fact(), f.wtw()));
        values.put(QuadraticSeries.LEARNING_RATE, trainer.currentRate());
        ctx.metrics(step, values);
        int d = net.inputDim();
        ctx.matrix(QuadraticSeries.MATRIX_WTW, step, d, d, Matrices.toFloatRowMajor(f.wtw()));
        ctx.matrix(QuadraticSeries.MATRIX_FACT, step, d, d, Matrices.toFloatRowMajor(f.fact()));
        ctx.matrix(QuadraticSeries.MATRIX_AGOP, step, d, d, Matrices.toFloatRowMajor(f.agop()));
    }
}
