package org.factlab.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory {@link RunContext} for tests: records every series point, matrix snapshot, progress report
 * and summary value; rejects non-finite values with {@link RunDivergedException} as the contract says.
 * Cancellation can be set directly or armed to trip after a number of metric calls.
 */
public final class RecordingRunContext implements RunContext {

    /** One recorded matrix snapshot. */
    public record Snapshot(String name, long step, int rows, int cols, float[] rowMajor) {}

    private final Map<String, TreeMap<Long, Double>> series = new LinkedHashMap<>();
    private final List<Snapshot> matrices = new ArrayList<>();
    private final List<long[]> progress = new ArrayList<>();
    private final Map<String, Double> summary = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean cancelled;
    private int metricCalls;
    private int cancelAfterMetricCalls = Integer.MAX_VALUE;
    private final List<Path> extraDatasetRoots = new ArrayList<>();
    private Path datasetsDirectory;

    /** Asks the run to stop (as the user's cancel button does). */
    public void cancel() {
        cancelled = true;
    }

    /** Cancels once {@code calls} calls of {@link #metric} or {@link #metrics} have been recorded. */
    public RecordingRunContext cancelAfterMetricCalls(int calls) {
        cancelAfterMetricCalls = calls;
        return this;
    }

    @Override
    public void metric(String name, long step, double value) {
        metrics(step, Map.of(name, value));
    }

    @Override
    public void metrics(long step, Map<String, Double> values) {
        values.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new RunDivergedException("series " + name + " is " + value + " at step " + step);
            }
        });
        values.forEach((name, value) ->
                series.computeIfAbsent(name, k -> new TreeMap<>()).put(step, value));
        if (++metricCalls >= cancelAfterMetricCalls) {
            cancelled = true;
        }
    }

    @Override
    public void matrix(String name, long step, int rows, int cols, float[] rowMajor) {
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException(
                    "matrix " + name + ": " + rowMajor.length + " values for " + rows + "×" + cols);
        }
        for (float v : rowMajor) {
            if (!Float.isFinite(v)) {
                throw new RunDivergedException("matrix " + name + " has " + v + " at step " + step);
            }
        }
        matrices.add(new Snapshot(name, step, rows, cols, rowMajor.clone()));
    }

    @Override
    public void progress(long done, long total) {
        progress.add(new long[] {done, total});
    }

    @Override
    public void summary(String key, double value) {
        summary.put(key, value);
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    /** Lines recorded with {@link #note}. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public long memoryBudgetBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The repository's {@code data/} folder (tests run from the project root) unless another was set. */
    @Override
    public Path datasetsDirectory() {
        return datasetsDirectory != null ? datasetsDirectory : Path.of("data").toAbsolutePath();
    }

    /** Uses {@code dir} as the datasets directory (e.g. a temporary folder holding uploads). */
    public RecordingRunContext withDatasetsDirectory(Path dir) {
        datasetsDirectory = dir;
        return this;
    }

    /** Adds a folder searched for tables after {@link #datasetsDirectory()}, as an administrator's extra root. */
    public RecordingRunContext withExtraDatasetRoot(Path root) {
        extraDatasetRoots.add(root);
        return this;
    }

    @Override
    public List<Path> datasetRoots() {
        List<Path> roots = new ArrayList<>(List.of(datasetsDirectory()));
        roots.addAll(extraDatasetRoots);
        return roots;
    }

    /** Recorded series: name → (step → value), steps ascending. */
    public Map<String, TreeMap<Long, Double>> series() {
        return series;
    }

    /** The points of one series (empty if never recorded). */
    public TreeMap<Long, Double> series(String name) {
        return series.getOrDefault(name, new TreeMap<>());
    }

    /** The last recorded value of a series. */
    public double last(String name) {
        return series(name).lastEntry().getValue();
    }

    public List<Snapshot> matrices() {
        return matrices;
    }

    /** Progress reports as {done, total}, in call order. */
    public List<long[]> progress() {
        return progress;
    }

    public Map<String, Double> summary() {
        return summary;
    }

    public int metricCalls() {
        return metricCalls;
    }
}
