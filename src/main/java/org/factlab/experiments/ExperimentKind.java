package org.factlab.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.sections.Section;
import org.factlab.uploads.UploadSort;

/**
 * An experiment kind is a plug-in: a validated spec record, named presets and a pure computation that
 * reports through a {@link RunContext}. Implementations import nothing from Spring, Vaadin or JDBC.
 *
 * @param <S> the spec record; its compact constructor validates every field (see {@link SpecField})
 */
public interface ExperimentKind<S extends Record> {

    /** Stable id stored with every run, e.g. {@code "quadratic"}. */
    String id();

    /** Short human title shown on the launch page. */
    String title();

    /** One paragraph: what the kind computes and which part of the paper it reproduces. */
    String description();

    Class<S> specType();

    /** The spec used when neither a preset nor a field is given. */
    S defaultSpec();

    /** Named specs; the first is the one the launch page selects by default. */
    List<Preset<S>> presets();

    /** Summary keys shown as the headline results in the runs list. */
    default List<String> headlineSeries() {
        return List.of();
    }

    /**
     * How the paper writes a summary or series key, for labels only (keys stay the contract of CSV and API), e.g.
     * "Pearson correlation of FACT with W₁ᵀW₁"; the key itself by default.
     */
    default String seriesLabel(String series) {
        return series;
    }

    /** A series' entry in a chart legend, e.g. "√AGOP" in a chart of cosine similarities; the key by default. */
    default String curveLabel(String series) {
        return series;
    }

    /**
     * The sections of the kind's run page, in page order (key numbers, curves, heatmaps, Figure 7, results table …),
     * each with its series, labels and axes. The page renders what is declared; series no section claims are shown
     * in a generic panel at the end. None by default.
     */
    default List<Section> sections() {
        return List.of();
    }

    /**
     * A sentence shown at the top of every run page of this kind when its preset has no departure of its own, e.g.
     * what its numbers mean only under a condition; none by default.
     */
    default Optional<String> runNote() {
        return Optional.empty();
    }

    /**
     * The uploads this kind reads, each with the spec field that names one by id: the launch form offers those
     * uploads and fills the field with a new upload's id. None by default.
     */
    default Map<UploadSort, String> uploadFields() {
        return Map.of();
    }

    /**
     * True for the kind a first visit to the launch page opens on (one whose first preset finishes in seconds);
     * when no kind says so, the first kind.
     */
    default boolean opensLaunchPage() {
        return false;
    }

    /**
     * True for a kind whose runs follow a training that runs elsewhere: they accept checkpoints, scalars and a finish
     * through {@code /api/runs/{id}/checkpoints|scalars|finish}, kept in an {@code uploads.Inbox}.
     */
    default boolean followsOutsideTraining() {
        return false;
    }

    /**
     * Why a checkpoint sent to a run with {@code spec} cannot be analysed (answered 400 before it is kept), empty when
     * it can; only asked of a kind that {@link #followsOutsideTraining()}.
     *
     * @param datasetsDir the datasets directory (the run's inputs are found there)
     */
    default Optional<FieldError> checkpointProblem(S spec, Path file, Path datasetsDir) throws IOException {
        return Optional.empty();
    }

    /** Which compute engine the kind runs on; the platform records it with every run. */
    default Engine engine() {
        return Engine.ND4J;
    }

    /** Estimated peak memory of a run in bytes; runs over the budget are refused before they start. */
    default long estimateMemoryBytes(S spec) {
        return 0L;
    }

    /**
     * Estimated peak memory of a run whose size depends on this server's files (an uploaded model or table),
     * found with {@code datasetRoots} as in {@link #launchProblems}; by default {@link #estimateMemoryBytes(Record)}.
     */
    default long estimateMemoryBytes(S spec, List<Path> datasetRoots) {
        return estimateMemoryBytes(spec);
    }

    /**
     * Problems of a valid spec that depend on this server's files, found at launch so the launch is refused with
     * 400 (e.g. a dataset folder outside the datasets directories); empty when there are none.
     *
     * @param datasetRoots the datasets directory first, then the extra roots the administrator configured
     */
    default List<FieldError> launchProblems(S spec, List<Path> datasetRoots) {
        return List.of();
    }

    /**
     * Runs the experiment. Returns normally when finished or when {@link RunContext#cancelled()} became
     * true; throws {@link RunDivergedException} when numbers become NaN or infinite.
     */
    void run(S spec, RunContext ctx) throws Exception;

    /** The compute engine a kind uses, so that the recorded backend says what really ran. */
    enum Engine {
        /** Hand-written double-precision Java arrays on one CPU thread. */
        PLAIN_JAVA,
        /** ND4J / DL4J on the configured backend (CPU or CUDA). */
        ND4J
    }
}
