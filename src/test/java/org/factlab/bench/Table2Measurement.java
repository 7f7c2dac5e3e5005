package org.factlab.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.mlp.MlpSpec;

/**
 * One cell of the Table 2 measurements in docs/reproduction.md: an mlp preset with n, epochs and seed replaced.
 * Prints the wall time and every layer-1, train and test series at the last probe. Arguments: preset id, n,
 * epochs, seed. Not a test: run it like {@code bench/mlp-presets.sh} runs {@link MlpPresetsBenchmark}.
 */
public final class Table2Measurement {

    private Table2Measurement() {}

    public static void main(String[] args) throws Exception {
        ComputeBackendProbe.useCpuThreads(Integer.getInteger("factlab.cpu-threads", 1));
        ComputeBackendProbe.describe();
        MlpKind kind = new MlpKind();
        Preset<MlpSpec> preset = kind.presets().stream()
                .filter(p -> p.id().equals(args[0]))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mlp preset '" + args[0] + "'"));
        MlpSpec s = preset.spec();
        MlpSpec spec = new MlpSpec(
                s.dataset(),
                Integer.parseInt(args[1]),
                s.testSize(),
                s.depth(),
                s.width(),
                s.activation(),
                s.bias(),
                s.optimizer(),
                s.lr(),
                s.momentum(),
                s.lambda(),
                s.batchSize(),
                Integer.parseInt(args[2]),
                s.evalEvery(),
                s.backward(),
                Long.parseLong(args[3]),
                s.standardise(),
                s.inputDim(),
                s.outputDim(),
                s.lrSchedule(),
                s.loss());
        RecordingRunContext ctx = new RecordingRunContext();
        long start = System.nanoTime();
        kind.run(spec, ctx);
        System.out.printf(
                Locale.ROOT,
                "cell %s n=%s epochs=%s seed=%s: %.1f min, last probe at epoch %d%n",
                args[0],
                args[1],
                args[2],
                args[3],
                (System.nanoTime() - start) / 60e9,
                ctx.series("train/loss").lastKey());
        for (Map.Entry<String, TreeMap<Long, Double>> e : new TreeMap<>(ctx.series()).entrySet()) {
            if (e.getKey().startsWith("layer1/")
                    || e.getKey().startsWith("train/")
                    || e.getKey().startsWith("test/")) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-36s %.4g%n",
                        e.getKey(),
                        e.getValue().lastEntry().getValue());
            }
        }
    }
}
