package org.factlab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.tabular.TabularKind;
import org.factlab.experiments.tabular.TabularSeries;
import org.factlab.experiments.tabular.TabularSpec;

/**
 * The Table 3 measurement of docs/reproduction.md: the {@code table3-bundled} preset as it is, or with the protocol
 * (and, for {@code nested}, the iterations) given as arguments replaced. Prints the wall time, every summary value
 * (mean accuracies, datasets best, failures) and per dataset and method the test accuracy and the chosen reg,
 * iterations and row normalisation. Arguments: [protocol [iterations]]. Not a test: run it like
 * {@code bench/mlp-presets.sh} runs {@link MlpPresetsBenchmark}.
 */
public final class Table3Measurement {

    private Table3Measurement() {
    }

    public static void main(String[] args) {
        ComputeBackendProbe.useCpuThreads(Integer.getInteger("factlab.cpu-threads", 1));
        TabularKind kind = new TabularKind();
        Preset<TabularSpec> preset = kind.presets().stream().filter(p -> p.id().equals("table3-bundled"))
                .findFirst().orElseThrow();
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (args.length > 0) {
            overrides.put("protocol", args[0]);
        }
        if (args.length > 1) {
            overrides.put("iterations", Integer.parseInt(args[1]));
        }
        TabularSpec spec = SpecCodec.override(preset.spec(), overrides);
        RecordingRunContext ctx = new RecordingRunContext();
        long start = System.nanoTime();
        kind.run(spec, ctx);
        System.out.printf(Locale.ROOT, "table3-bundled, protocol %s, T = %d: %.1f min%n", spec.protocol(),
                spec.iterations(), (System.nanoTime() - start) / 60e9);
        ctx.summary().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-44s %.4f%n", k, v));
        for (String key : ctx.series().keySet().stream().sorted().toList()) {
            for (String what : List.of(TabularSeries.TEST_ACCURACY, TabularSeries.REG, TabularSeries.ITERATIONS,
                    TabularSeries.ROW_NORMALIZED)) {
                if (key.endsWith("/" + what) && !key.endsWith("fold_" + what)) {
                    System.out.printf(Locale.ROOT, "  %-52s %.4g%n", key, ctx.series().get(key).lastEntry()
                            .getValue());
                }
            }
        }
    }
}
