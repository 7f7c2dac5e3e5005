package org.factlab.bench;

import java.util.List;
import java.util.Locale;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;

/**
 * The workloads of {@code bench/device-check.sh}: the ND4J-based presets, each run once on whatever backend ND4J
 * loaded (the script forces CPU or GPU with ND4J's BACKEND_PRIORITY_* variables). Prints the backend, then one
 * line per workload: {@code RESULT <kind>/<preset> <seconds> <series>=<final value> …}. Not a test.
 */
public final class DeviceCheck {

    /** kind/preset pairs, small to paper scale; the last values of these series are compared across backends. */
    private static final List<String> WORKLOADS = List.of(
            "parity/quick", "parity/fig5-k3", "modular/quick", "modular/fig6-nfa", "modular/fig6-fact", "mlp/quick");

    private static final List<String> COMPARED =
            List.of("test/accuracy", "train/accuracy", "test/mse", "trace_M", "layer1/fact/pearson");

    private DeviceCheck() {}

    public static void main(String[] args) throws Exception {
        System.out.println("BACKEND " + ComputeBackendProbe.describe().summary());
        List<String> chosen = args.length == 0 ? WORKLOADS : List.of(args);
        for (String workload : chosen) {
            String[] parts = workload.split("/", 2);
            ExperimentKind<?> kind = ExperimentKinds.all().stream()
                    .filter(k -> k.id().equals(parts[0]))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no kind " + parts[0]));
            System.out.println(run(kind, parts[1], workload));
        }
    }

    private static <S extends Record> String run(ExperimentKind<S> kind, String presetId, String workload)
            throws Exception {
        Preset<S> preset = kind.presets().stream()
                .filter(p -> p.id().equals(presetId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset " + presetId + " of " + kind.id()));
        RecordingRunContext ctx = new RecordingRunContext();
        long start = System.nanoTime();
        kind.run(preset.spec(), ctx);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "RESULT %s %.3f", workload, seconds));
        for (String series : COMPARED) {
            if (ctx.series().containsKey(series)) {
                line.append(String.format(Locale.ROOT, " %s=%.6g", series, ctx.last(series)));
            }
        }
        return line.toString();
    }
}
