package org.factlab.ui.paper;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.factlab.paperresults.PaperResults;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;

/**
 * How long a card's latest result took on this server: its run from start to finish, or its study from its first
 * run's start to its last run's finish. Empty before any result (the card then shows the stated estimate).
 */
final class MeasuredTime {

    private MeasuredTime() {}

    static Optional<Duration> of(Optional<PaperResults.Latest> latest, RunService runs, StudyService studies) {
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        PaperResults.Latest l = latest.get();
        List<Run> measured = l.runId() != null
                ? runs.find(l.runId()).stream().toList()
                : studies.find(l.studyId()).map(StudyRuns::runs).orElse(List.of()).stream()
                        .map(StudyRuns.StudyRun::run)
                        .toList();
        Optional<java.time.Instant> start =
                measured.stream().map(Run::startedAt).filter(Objects::nonNull).min(java.time.Instant::compareTo);
        Optional<java.time.Instant> end =
                measured.stream().map(Run::finishedAt).filter(Objects::nonNull).max(java.time.Instant::compareTo);
        boolean allFinished = !measured.isEmpty() && measured.stream().allMatch(r -> r.finishedAt() != null);
        return start.isPresent() && end.isPresent() && allFinished
                ? Optional.of(Duration.between(start.get(), end.get()))
                : Optional.empty();
    }
}
