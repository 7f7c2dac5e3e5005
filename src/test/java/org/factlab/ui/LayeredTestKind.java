package org.factlab.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.SpecField;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.experiments.sections.Section;

/**
 * A test kind that emits the mlp kind's layer-wise names (kind {@code mlp}) without training anything: at each epoch
 * 1…epochs, every layer's forward and backward similarities, gradient norm and relative error, the training series,
 * and the first layer's four matrices. It can hold before an epoch until the test releases it, so that a browser
 * test sees a run that is still going.
 */
public class LayeredTestKind implements ExperimentKind<LayeredTestKind.Spec> {

    public static final List<String> FORWARD =
            List.of("fact", "sym_fact", "agop", "sqrt_agop", "agop_1_over_L", "enfa", "sqrt_enfa");
    static final List<String> BACKWARD = List.of("fact", "sym_fact", "agop", "sqrt_agop", "enfa", "sqrt_enfa");
    static final List<String> MATRICES = List.of("WtW", "FACT", "sqrt_agop", "sqrt_enfa");

    record Spec(
            @SpecField(description = "weight layers", min = 1, max = 20)
            int depth,

            @SpecField(description = "epochs", min = 1, max = 1000)
            int epochs,

            @SpecField(description = "side of the first layer's matrices", min = 1, max = 300)
            int side,

            @SpecField(description = "epoch before which the run waits for release() (−1: never)", min = -1, max = 1000)
            int holdAt,

            @SpecField(description = "seed", min = 0) long seed) {}

    private final CountDownLatch release = new CountDownLatch(1);

    /** Lets a run waiting at its {@code holdAt} epoch go on. */
    void release() {
        release.countDown();
    }

    @Override
    public String id() {
        return "layered-test";
    }

    @Override
    public String title() {
        return "Layer-wise test kind";
    }

    @Override
    public String description() {
        return "Emits the layer-wise series and matrices of the mlp kind, for the run page tests";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Spec defaultSpec() {
        return new Spec(2, 5, 6, -1, 0);
    }

    @Override
    public List<Preset<Spec>> presets() {
        return List.of(new Preset<>("quick", "Quick", "two layers, five epochs", defaultSpec(), Map.of()));
    }

    /** The mlp kind's run page, reused in one line: this kind records the same names. */
    @Override
    public List<Section> sections() {
        return MlpSections.all();
    }

    @Override
    public Engine engine() {
        return Engine.PLAIN_JAVA;
    }

    @Override
    public void run(Spec spec, RunContext ctx) throws InterruptedException {
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            if (epoch == spec.holdAt()) {
                while (!release.await(50, TimeUnit.MILLISECONDS)) {
                    if (ctx.cancelled()) {
                        return;
                    }
                }
            }
            ctx.metrics(epoch, metrics(spec.depth(), epoch));
            for (String matrix : MATRICES) {
                ctx.matrix("layer1/" + matrix, epoch, spec.side(), spec.side(), matrix(spec.side(), epoch));
            }
            ctx.progress(epoch, spec.epochs());
        }
    }

    /** Similarities approaching 1, norms and errors falling with the epoch. */
    private static Map<String, Double> metrics(int depth, int epoch) {
        Map<String, Double> values = new HashMap<>();
        for (int l = 1; l <= depth; l++) {
            for (String measure : List.of("pearson", "cosine")) {
                for (String method : FORWARD) {
                    values.put("layer" + l + "/" + method + "/" + measure, 1 - 1.0 / (epoch + l));
                }
                for (String method : BACKWARD) {
                    values.put("layer" + l + "/backward/" + method + "/" + measure, 1 - 0.5 / (epoch + l));
                }
            }
            values.put("layer" + l + "/grad_norm", Math.pow(10, -epoch));
            values.put("layer" + l + "/fact/relerr", Math.pow(10, -epoch - l));
        }
        values.put("train/loss", 1.0 / epoch);
        values.put("train/accuracy", 1 - 0.5 / epoch);
        values.put("test/accuracy", 1 - 0.6 / epoch);
        values.put("lr", 0.1 / epoch);
        return values;
    }

    /** A symmetric matrix whose entries grow with the epoch. */
    private static float[] matrix(int side, int epoch) {
        float[] m = new float[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                m[i * side + j] = (float) (epoch * Math.exp(-Math.abs(i - j)));
            }
        }
        return m;
    }
}
