package org.factlab.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running experiment reports to the platform. Every call is committed before it returns, so a
 * crash loses at most the step in flight. Reporting a NaN or infinite value throws
 * {@link RunDivergedException} (the point is not stored; everything before it is).
 */
public interface RunContext {

    /** Records one point of a series. */
    void metric(String series, long step, double value);

    /** Records several series at the same step in one commit. */
    void metrics(long step, Map<String, Double> values);

    /** Records a row-major float matrix snapshot. */
    void matrix(String name, long step, int rows, int cols, float[] rowMajor);

    /** Reports progress; {@code total} is the number of units the run will do. */
    void progress(long done, long total);

    /** Adds or replaces a headline value of the run's summary (final series values are added automatically). */
    void summary(String key, double value);

    /**
     * Appends one line of text to the run's notes, kept with the run: what numbers cannot say (e.g. why one
     * dataset of a suite failed while the suite went on). Ignored where notes are not kept.
     */
    default void note(String line) {}

    /** The run's id where the run is stored (empty for a run executed in-process, e.g. by a test). */
    default Optional<String> runId() {
        return Optional.empty();
    }

    /** True once the user asked to cancel; the kind returns at the next step. */
    boolean cancelled();

    /** Memory the run may use, in bytes. */
    long memoryBudgetBytes();

    /**
     * Folder of the bundled and user-supplied datasets ({@code factlab.datasets-dir}, default {@code ./data}):
     * e.g. {@code mnist/}, {@code fashion-mnist/}, {@code cifar-10-batches-bin/}, {@code uci/}.
     */
    Path datasetsDirectory();

    /**
     * The folders a run may read user-named tables from: {@link #datasetsDirectory()} first, then the extra roots the
     * administrator configured ({@code factlab.extra-datasets-dirs}).
     */
    default List<Path> datasetRoots() {
        return List.of(datasetsDirectory());
    }
}
