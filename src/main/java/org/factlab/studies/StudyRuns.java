package org.factlab.studies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.factlab.experiments.sweep.PaperValue;
import org.factlab.experiments.sweep.StudyPreset;
import org.factlab.experiments.sweep.StudyPresets;
import org.factlab.experiments.sweep.StudyTable;
import org.factlab.runs.DeletedRun;
import org.factlab.runs.Run;
import org.factlab.runs.RunStatus;

/**
 * A study with its runs as they stand now: status, progress, ETA and results table derive from the runs. Runs deleted
 * since the study was launched are only listed in {@code deleted}; they no longer count.
 */
public record StudyRuns(Study study, List<StudyRun> runs, List<DeletedRun> deleted) {

    /** One run of the study and the index of its setting. */
    public record StudyRun(Run run, int setting) {}

    public List<String> runIds() {
        return runs.stream().map(r -> r.run().id()).toList();
    }

    /** Runs that have ended (any terminal status). */
    public int done() {
        return (int) runs.stream().filter(r -> r.run().status().isTerminal()).count();
    }

    /** The runs launched, less those deleted since. */
    public int total() {
        return study.totalRuns() - deleted.size();
    }

    public StudyStatus status() {
        if (done() < runs.size()) {
            return StudyStatus.RUNNING;
        }
        if (study.cancelRequested()) {
            return StudyStatus.CANCELLED;
        }
        return runs.stream().allMatch(r -> r.run().status() == RunStatus.SUCCEEDED)
                ? StudyStatus.SUCCEEDED
                : StudyStatus.PARTIAL;
    }

    /** Fraction done in [0, 1]: ended runs count 1, running runs their own progress. */
    public double progress() {
        if (runs.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (StudyRun r : runs) {
            sum += r.run().status().isTerminal() ? 1 : r.run().progress();
        }
        return sum / runs.size();
    }

    /**
     * Time left at the pace so far: elapsed × (1 − p)/p, elapsed counted from the first run's start; null while
     * nothing has started or after the study ended.
     */
    public Duration eta(Instant now) {
        double p = progress();
        Instant first = runs.stream()
                .map(r -> r.run().startedAt())
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        if (first == null || p <= 0 || status() != StudyStatus.RUNNING) {
            return null;
        }
        long elapsedMs = Duration.between(first, now).toMillis();
        return Duration.ofMillis((long) (elapsedMs * (1 - p) / p));
    }

    /** The results table: succeeded runs only, with the paper's values when the study comes from a paper preset. */
    public StudyTable table() {
        List<StudyTable.Result> results = new ArrayList<>();
        for (StudyRun r : runs) {
            if (r.run().status() == RunStatus.SUCCEEDED && r.run().summary() != null) {
                results.add(new StudyTable.Result(r.setting(), r.run().summary()));
            }
        }
        return StudyTable.of(List.copyOf(study.sweep().keySet()), study.settings(), results, paperValues());
    }

    /** The study preset it came from, if any. */
    public StudyPreset studyPreset() {
        return study.studyPreset() == null
                ? null
                : StudyPresets.find(study.studyPreset()).orElse(null);
    }

    private List<PaperValue> paperValues() {
        StudyPreset preset = studyPreset();
        return preset == null ? List.of() : preset.paper();
    }

    static StudyRuns of(Study study, List<Run> runs, Map<String, Integer> settings, List<DeletedRun> deleted) {
        return new StudyRuns(
                study,
                runs.stream()
                        .map(r -> new StudyRun(r, settings.getOrDefault(r.id(), 0)))
                        .toList(),
                deleted);
    }
}
