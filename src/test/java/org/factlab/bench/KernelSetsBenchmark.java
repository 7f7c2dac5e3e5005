package org.factlab.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.factlab.experiments.NativeSelfCheck;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;

/**
 * Runs kind:preset pairs end to end with an in-memory run context and prints, one line each, the self-check, the
 * OpenBLAS kernels and every series' last value and every summary value, sorted, so that the output of two kernel
 * sets can be compared line by line ({@code bench/kernel-sets.sh} runs it under several OPENBLAS_CORETYPE values).
 * Arguments: {@code kind:preset} (none: {@code mlp:quick parity:fig5-k2 modular:quick}). Not a test.
 */
public final class KernelSetsBenchmark {

    private KernelSetsBenchmark() {}

    public static void main(String[] args) throws Exception {
        ComputeBackendProbe.useCpuThreads(Integer.getInteger("factlab.cpu-threads", 1));
        NativeSelfCheck.Report check = NativeSelfCheck.report();
        System.out.println("# " + check.library() + "; self-check "
                + (check.passed() ? "passed" : "FAILED: " + check.failures()) + " (" + check.checks() + " checks)");
        List<String> runs = args.length == 0 ? List.of("mlp:quick", "parity:fig5-k2", "modular:quick") : List.of(args);
        for (String run : runs) {
            String[] kindPreset = run.split(":", 2);
            ExperimentKind<?> kind = ExperimentKinds.all().stream()
                    .filter(k -> k.id().equals(kindPreset[0]))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no kind " + kindPreset[0]));
            print(run, kind, kindPreset[1]);
        }
    }

    private static <S extends Record> void print(String run, ExperimentKind<S> kind, String presetId) {
        Preset<S> preset = kind.presets().stream()
                .filter(p -> p.id().equals(presetId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset " + presetId + " of " + kind.id()));
        RecordingRunContext ctx = new RecordingRunContext();
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            kind.run(preset.spec(), ctx);
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.printf(Locale.ROOT, "%s outcome %s (%.1f s)%n", run, outcome, (System.nanoTime() - start) / 1e9);
        Map<String, Double> values = new TreeMap<>();
        ctx.series()
                .forEach((name, series) ->
                        values.put("last " + name, series.lastEntry().getValue()));
        ctx.summary().forEach((name, value) -> values.put("summary " + name, value));
        values.forEach((name, value) -> System.out.printf(Locale.ROOT, "%s %s %.6g%n", run, name, value));
    }
}
