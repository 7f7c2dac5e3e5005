package org.factlab.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.mlp.MlpSpec;

/**
 * Runs presets of the {@code mlp} kind end to end with an in-memory run context, one after the other, and prints
 * each one's wall time and, for every series the preset names in {@code expected}, the reference value next to
 * the value at the run's last probe. Arguments: preset ids (none: {@code quick}). Not a test: run it with
 * {@code bench/mlp-presets.sh}.
 */
public final class MlpPresetsBenchmark {

    private MlpPresetsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("factlab.cpu-threads", 1);
        ComputeBackendProbe.useCpuThreads(threads);
        System.out.println("ND4J: " + ComputeBackendProbe.describe().summary());
        MlpKind kind = new MlpKind();
        List<String> ids = args.length == 0 ? List.of("quick") : List.of(args);
        for (String id : ids) {
            Preset<MlpSpec> preset = kind.presets().stream()
                    .filter(p -> p.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no mlp preset '" + id + "'"));
            RecordingRunContext ctx = new RecordingRunContext();
            long start = System.nanoTime();
            kind.run(preset.spec(), ctx);
            double minutes = (System.nanoTime() - start) / 60e9;
            System.out.printf(
                    Locale.ROOT,
                    "preset %s: %.1f min, last probe at epoch %d%n",
                    id,
                    minutes,
                    ctx.series("train/loss").lastKey());
            for (Map.Entry<String, Double> e : new TreeMap<>(preset.expected()).entrySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-32s expected %.4f, measured %.4f%n",
                        e.getKey(),
                        e.getValue(),
                        ctx.last(e.getKey()));
            }
            for (String series : List.of(
                    "train/loss",
                    "train/accuracy",
                    "test/accuracy",
                    "layer1/grad_norm",
                    "layer1/fact/relerr",
                    "layer1/fact/pearson",
                    "layer1/sym_fact/pearson",
                    "layer1/sqrt_agop/pearson",
                    "layer1/sqrt_enfa/pearson",
                    "layer1/fact/cosine",
                    "layer1/agop_1_over_L/cosine",
                    "layer1/sqrt_agop/cosine")) {
                if (ctx.series().containsKey(series)) {
                    System.out.printf(Locale.ROOT, "  %-32s %.4g%n", series, ctx.last(series));
                }
            }
        }
    }
}
