package org.factlab.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;

/**
 * The {@link RunContext} of one executing run: commits points and snapshots as they arrive, then tells the
 * {@link LiveBus} (which gets every one). At most {@code factlab.quota.points-per-run} steps of metric values and
 * {@code factlab.quota.snapshots-per-matrix} snapshots of each matrix are stored, thinned evenly over the run
 * ({@link StepThinning}); the newest step not stored is held back and stored when the run ends ({@link #storeHeld}),
 * so the last values are always kept. Keeps the last value of every series for the run's summary.
 */
final class RunRecorder implements RunContext {

    private static final long CANCEL_POLL_NANOS = 500_000_000L;
    private static final long PROGRESS_WRITE_NANOS = 500_000_000L;

    private final String runId;
    private final RunRepository runs;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final LiveBus bus;
    private final long memoryBudgetBytes;
    private final List<Path> datasetRoots;
    private final long deadlineNanos;
    private final Duration maxRunTime;
    private final Map<String, Double> summary = new TreeMap<>();
    private final StepThinning pointThinning;
    private final int snapshotsPerMatrix;
    private final Map<String, StepThinning> snapshotThinning = new HashMap<>();
    private final Map<String, MatrixSnapshot> heldSnapshots = new LinkedHashMap<>();
    private long heldStep;
    private Map<String, Double> heldPoints;
    private long lastCancelPoll;
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private long lastProgressWrite;

    RunRecorder(
            String runId,
            RunRepository runs,
            MetricRepository metrics,
            MatrixRepository matrices,
            LiveBus bus,
            long memoryBudgetBytes,
            List<Path> datasetRoots,
            FactlabProperties.Quota quota) {
        this.runId = runId;
        this.runs = runs;
        this.metrics = metrics;
        this.matrices = matrices;
        this.bus = bus;
        this.memoryBudgetBytes = memoryBudgetBytes;
        this.datasetRoots = List.copyOf(datasetRoots);
        this.maxRunTime = quota.maxRunTime();
        this.pointThinning = new StepThinning(quota.pointsPerRun());
        this.snapshotsPerMatrix = quota.snapshotsPerMatrix();
        this.deadlineNanos = System.nanoTime() + maxRunTime.toNanos();
        this.lastCancelPoll = System.nanoTime();
        this.lastProgressWrite = System.nanoTime() - PROGRESS_WRITE_NANOS;
    }

    @Override
    public void metric(String series, long step, double value) {
        metrics(step, Map.of(series, value));
    }

    @Override
    public void metrics(long step, Map<String, Double> values) {
        Map<String, Double> finite = new LinkedHashMap<>();
        String diverged = null;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getValue();
            if (Double.isFinite(v)) {
                finite.put(e.getKey(), v);
            } else if (diverged == null) {
                diverged = e.getKey() + " = " + v + " at step " + step;
            }
        }
        if (!finite.isEmpty()) {
            StepThinning.Decision d = pointThinning.offer(step);
            if (!d.dropped().isEmpty()) {
                metrics.deleteSteps(runId, d.dropped());
            }
            if (d.store()) {
                metrics.upsert(runId, step, finite);
                heldPoints = null;
            } else {
                if (heldPoints == null || heldStep != step) {
                    heldPoints = new LinkedHashMap<>();
                    heldStep = step;
                }
                heldPoints.putAll(finite);
            }
            summary.putAll(finite);
            bus.publish(new RunEvent.Metrics(runId, step, Map.copyOf(finite)));
        }
        if (diverged != null) {
            throw new RunDivergedException("diverged: " + diverged);
        }
    }

    @Override
    public void matrix(String name, long step, int rows, int cols, float[] rowMajor) {
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException(
                    "matrix " + name + ": " + rowMajor.length + " values for " + rows + "×" + cols);
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : rowMajor) {
            if (!Float.isFinite(v)) {
                throw new RunDivergedException("diverged: matrix " + name + " has " + v + " at step " + step);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        MatrixSnapshot snapshot = new MatrixSnapshot(name, step, rows, cols, min, max, rowMajor.clone());
        StepThinning.Decision d = snapshotThinning
                .computeIfAbsent(name, k -> new StepThinning(snapshotsPerMatrix))
                .offer(step);
        if (!d.dropped().isEmpty()) {
            matrices.deleteSteps(runId, name, d.dropped());
        }
        if (d.store()) {
            matrices.insert(runId, snapshot);
            heldSnapshots.remove(name);
        } else {
            heldSnapshots.put(name, snapshot);
        }
        bus.publish(new RunEvent.Matrix(runId, name, step));
    }

    /** Stores the newest points and snapshots that thinning held back; called once, when the run has ended. */
    void storeHeld() {
        if (heldPoints != null) {
            metrics.upsert(runId, heldStep, heldPoints);
            heldPoints = null;
        }
        heldSnapshots.values().forEach(s -> matrices.insert(runId, s));
        heldSnapshots.clear();
    }

    @Override
    public void progress(long done, long total) {
        long now = System.nanoTime();
        if (done >= total || now - lastProgressWrite >= PROGRESS_WRITE_NANOS) {
            lastProgressWrite = now;
            runs.updateProgress(runId, done, total);
        }
        bus.publish(new RunEvent.Progress(runId, done, total));
    }

    @Override
    public void summary(String key, double value) {
        summary.put(key, value);
    }

    @Override
    public void note(String line) {
        runs.appendNote(runId, line);
    }

    @Override
    public boolean cancelled() {
        long now = System.nanoTime();
        if (!cancelled && now - deadlineNanos >= 0) {
            timedOut = true;
            cancelled = true;
        }
        if (!cancelled && now - lastCancelPoll >= CANCEL_POLL_NANOS) {
            lastCancelPoll = now;
            cancelled = runs.cancelRequested(runId);
        }
        return cancelled;
    }

    /** Why the run was stopped by the platform rather than by a person, or null. */
    String stopReason() {
        return timedOut
                ? "stopped after running for the longest time a run may run (factlab.quota.max-run-time = " + maxRunTime
                        + "); every step recorded before is kept"
                : null;
    }

    /** Asks for cancellation from this JVM without waiting for the next database poll. */
    void cancelNow() {
        cancelled = true;
    }

    @Override
    public Optional<String> runId() {
        return Optional.of(runId);
    }

    @Override
    public long memoryBudgetBytes() {
        return memoryBudgetBytes;
    }

    @Override
    public Path datasetsDirectory() {
        return datasetRoots.get(0);
    }

    @Override
    public List<Path> datasetRoots() {
        return datasetRoots;
    }

    Map<String, Double> summary() {
        return new LinkedHashMap<>(summary);
    }
}
