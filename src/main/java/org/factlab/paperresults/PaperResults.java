package org.factlab.paperresults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.paper.PaperFigure;
import org.factlab.experiments.paper.PaperFigures;
import org.factlab.experiments.paper.PaperRow;
import org.factlab.experiments.paper.PresetRows;
import org.factlab.experiments.paper.Verdict;
import org.factlab.experiments.sweep.SeedStats;
import org.factlab.experiments.sweep.StudyTable;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.springframework.stereotype.Service;

/**
 * The paper's figures with the lab's latest result of each: the newest succeeded run of the card's preset with the
 * preset's spec unchanged, or the newest study of its study preset when that is newer.
 */
@Service
public class PaperResults {

    /**
     * A card's latest result: exactly one of {@code runId} and {@code studyId} is set; {@code values} holds the
     * result's value of each of the card's series it has (a study's: the seed mean of the setting the paper prints);
     * {@code took} is how long it took on this server (a run from start to finish, a study from its first run's start
     * to its last run's finish), null while a study's runs are not all finished.
     */
    public record Latest(
            String runId, String studyId, Map<String, Double> values, Verdict verdict, Instant at, Duration took) {}

    private final KindRegistry kinds;
    private final RunService runs;
    private final StudyService studies;

    public PaperResults(KindRegistry kinds, RunService runs, StudyService studies) {
        this.kinds = kinds;
        this.runs = runs;
        this.studies = studies;
    }

    public List<PaperFigure> figures() {
        return PaperFigures.all(this::expected);
    }

    /** The rows of a preset: the paper's printed values beside the lab's references ({@link PresetRows}). */
    public List<PaperRow> rows(String kind, String preset) {
        return PresetRows.of(kind, preset, expected(kind, preset));
    }

    /** The latest result of a card, empty when it has not been run yet. */
    public Optional<Latest> latest(PaperFigure figure) {
        Optional<Latest> run = matchingRuns(figure).stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED)
                .findFirst()
                .map(r -> ofRun(figure, r));
        Optional<Latest> study = figure.studyPreset() == null
                ? Optional.empty()
                : studies.list().stream()
                        .filter(s -> figure.studyPreset().equals(s.study().studyPreset()) && s.done() > 0)
                        .findFirst()
                        .map(s -> ofStudy(figure, s));
        if (run.isPresent() && study.isPresent()) {
            return run.get().at().isAfter(study.get().at()) ? run : study;
        }
        return run.isPresent() ? run : study;
    }

    /** The newest queued or running run of the card's preset, if any. */
    public Optional<Run> inFlight(PaperFigure figure) {
        return matchingRuns(figure).stream()
                .filter(r -> !r.status().isTerminal())
                .findFirst();
    }

    /** Runs of the card's preset with its spec unchanged, newest first. */
    private List<Run> matchingRuns(PaperFigure figure) {
        Optional<Map<String, String>> spec = presetSpec(figure.kind(), figure.preset());
        if (spec.isEmpty()) {
            return List.of();
        }
        return runs.list(figure.kind(), null).stream()
                .filter(r -> figure.preset().equals(r.preset()) && spec.get().equals(normalised(r.spec())))
                .toList();
    }

    private static Latest ofRun(PaperFigure figure, Run run) {
        Map<String, Double> summary = run.summary() == null ? Map.of() : run.summary();
        Map<String, Double> values = new LinkedHashMap<>();
        figure.values().forEach(row -> {
            Double v = summary.get(row.series());
            if (v != null) {
                values.put(row.series(), v);
            }
        });
        Instant at = run.finishedAt() != null ? run.finishedAt() : run.createdAt();
        return new Latest(run.id(), null, values, Verdict.of(figure.values(), values), at, took(List.of(run)));
    }

    /**
     * A study's value of each series: the seed mean in the first setting the paper prints a value for, else the first.
     */
    private static Latest ofStudy(PaperFigure figure, StudyRuns study) {
        StudyTable table = study.table();
        Map<String, Double> values = new LinkedHashMap<>();
        for (PaperRow row : figure.values()) {
            table.rows().stream()
                    .filter(r ->
                            r.paper().containsKey(row.series()) && r.stats().containsKey(row.series()))
                    .findFirst()
                    .or(() -> table.rows().stream()
                            .filter(r -> r.stats().containsKey(row.series()))
                            .findFirst())
                    .map(r -> r.stats().get(row.series()))
                    .map(SeedStats::mean)
                    .ifPresent(mean -> values.put(row.series(), mean));
        }
        return new Latest(
                null,
                study.study().id(),
                values,
                Verdict.of(figure.values(), values),
                study.study().createdAt(),
                took(study.runs().stream().map(StudyRuns.StudyRun::run).toList()));
    }

    /** From the first start to the last finish of {@code measured}; null unless every one of them has finished. */
    private static Duration took(List<Run> measured) {
        if (measured.isEmpty() || measured.stream().anyMatch(r -> r.startedAt() == null || r.finishedAt() == null)) {
            return null;
        }
        Instant start =
                measured.stream().map(Run::startedAt).min(Instant::compareTo).orElseThrow();
        Instant end =
                measured.stream().map(Run::finishedAt).max(Instant::compareTo).orElseThrow();
        return Duration.between(start, end);
    }

    private Map<String, Double> expected(String kind, String preset) {
        return preset(kind, preset).map(p -> p.expected()).orElse(Map.of());
    }

    private Optional<Map<String, String>> presetSpec(String kind, String preset) {
        return preset(kind, preset).map(p -> normalised(SpecCodec.toMap(p.spec())));
    }

    private Optional<? extends Preset<?>> preset(String kind, String preset) {
        return kinds.find(kind)
                .map(ExperimentKind::presets)
                .flatMap(ps -> ps.stream().filter(p -> p.id().equals(preset)).findFirst());
    }

    /** A spec compared by value: numbers as doubles (a stored 10 equals the preset's 10L), everything else as text. */
    private static Map<String, String> normalised(Map<String, Object> spec) {
        Map<String, String> out = new LinkedHashMap<>();
        spec.forEach((k, v) -> out.put(k, text(v)));
        return out;
    }

    private static String text(Object v) {
        if (v instanceof Number n) {
            return Double.toString(n.doubleValue());
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PaperResults::text).toList().toString();
        }
        return Objects.toString(v);
    }
}
