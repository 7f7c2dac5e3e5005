package org.factlab.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.data.tabular.TableFolder;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.tabular.TabularKind;
import org.factlab.experiments.tabular.TabularSeries;
import org.factlab.experiments.tabular.TabularSpec;

/**
 * The Table 3 measurement of docs/reproduction.md: the {@code table3-bundled} preset as it is, or with the protocol
 * (and, for {@code nested}, the iterations) given as arguments replaced, one dataset at a time (each dataset's
 * folds and splits derive from the seed and its name only, so the numbers are those of one run of the suite).
 * Prints per dataset and method the test accuracy and the chosen reg, iterations and row normalisation as each
 * dataset is done, then the mean test accuracy of each method. Arguments: [protocol [iterations]]. Not a test: run
 * it like {@code bench/mlp-presets.sh} runs {@link MlpPresetsBenchmark}.
 */
public final class Table3Measurement {

    private Table3Measurement() {}

    public static void main(String[] args) {
        ComputeBackendProbe.useCpuThreads(Integer.getInteger("factlab.cpu-threads", 1));
        ComputeBackendProbe.describe();
        TabularKind kind = new TabularKind();
        Preset<TabularSpec> preset = kind.presets().stream()
                .filter(p -> p.id().equals("table3-bundled"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (args.length > 0) {
            overrides.put("protocol", args[0]);
        }
        if (args.length > 1) {
            overrides.put("iterations", Integer.parseInt(args[1]));
        }
        TabularSpec spec = SpecCodec.override(preset.spec(), overrides);
        List<String> names = TableFolder.open(Path.of("data", spec.folder())).names();
        Map<String, Double> sums = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (String name : names) {
            RecordingRunContext ctx = new RecordingRunContext();
            kind.run(SpecCodec.override(spec, Map.of("datasets", List.of(name))), ctx);
            System.out.printf(Locale.ROOT, "%s (%.1f min so far)%n", name, (System.nanoTime() - start) / 60e9);
            for (String method : spec.orderedMethods()) {
                String accuracy = TabularSeries.of(name, method, TabularSeries.TEST_ACCURACY);
                if (!ctx.series().containsKey(accuracy)) {
                    System.out.printf(Locale.ROOT, "  %-15s failed%n", method);
                    continue;
                }
                double value = ctx.last(accuracy);
                sums.merge(method, value, Double::sum);
                System.out.printf(
                        Locale.ROOT,
                        "  %-15s %.4f  reg %s  T %s  rows normalised %s%n",
                        method,
                        value,
                        last(ctx, name, method, TabularSeries.REG),
                        last(ctx, name, method, TabularSeries.ITERATIONS),
                        last(ctx, name, method, TabularSeries.ROW_NORMALIZED));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "table3-bundled, protocol %s, T = %d, %d datasets: %.1f min%n",
                spec.protocol(),
                spec.iterations(),
                names.size(),
                (System.nanoTime() - start) / 60e9);
        sums.forEach(
                (method, sum) -> System.out.printf(Locale.ROOT, "  mean %-15s %.4f%n", method, sum / names.size()));
    }

    private static String last(RecordingRunContext ctx, String name, String method, String what) {
        String key = TabularSeries.of(name, method, what);
        return ctx.series().containsKey(key) ? String.format(Locale.ROOT, "%.4g", ctx.last(key)) : "-";
    }
}
