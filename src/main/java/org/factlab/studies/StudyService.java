package org.factlab.studies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.sweep.Settings;
import org.factlab.experiments.sweep.StudyPlan;
import org.factlab.experiments.sweep.StudyPreset;
import org.factlab.experiments.sweep.StudyPresets;
import org.factlab.experiments.sweep.SweepExpansion;
import org.factlab.runs.Deleted;
import org.factlab.runs.DisplayText;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.LiveBus;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunLabels;
import org.factlab.runs.RunOwner;
import org.factlab.runs.RunRepository;
import org.factlab.runs.RunService;
import org.factlab.runs.compare.FieldText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Launching, finding and cancelling studies: sweeps whose runs are validated, stored and queued together. */
@Service
public class StudyService {

    /** The longest study name: its runs are named after it, plus the setting, within the run's 200 characters. */
    static final int MAX_NAME = 160;

    private final KindRegistry kinds;
    private final RunService runService;
    private final RunRepository runs;
    private final StudyRepository studies;
    private final TransactionTemplate transaction;
    private final StudyProperties props;
    private final RunOwner owner;
    private final LiveBus bus;
    private final ApplicationEventPublisher events;

    public StudyService(
            KindRegistry kinds,
            RunService runService,
            RunRepository runs,
            StudyRepository studies,
            TransactionTemplate transaction,
            StudyProperties props,
            RunOwner owner,
            LiveBus bus,
            ApplicationEventPublisher events) {
        this.owner = owner;
        this.bus = bus;
        this.events = events;
        this.kinds = kinds;
        this.runService = runService;
        this.runs = runs;
        this.studies = studies;
        this.transaction = transaction;
        this.props = props;
    }

    public int maxRuns() {
        return props.maxRuns();
    }

    /** The study presets whose kind is installed here. */
    public List<StudyPreset> availablePresets() {
        List<String> installed = kinds.all().stream().map(ExperimentKind::id).toList();
        return StudyPresets.all().stream()
                .filter(p -> p.unavailableReason(installed).isEmpty())
                .toList();
    }

    /** Expands the request without launching anything (the launch page's live size); throws like {@link #create}. */
    public StudyPlan plan(StudyRequest request) {
        Resolved r = resolve(request);
        return SweepExpansion.expand(r.kind, r.preset, r.spec, r.sweep, r.seeds, props.maxRuns());
    }

    /**
     * Validates every run (fields, ranges, memory budget), stores the study and its runs in one transaction,
     * then queues the runs in setting order. Throws {@link SpecValidationException} naming each bad field.
     */
    public StudyRuns create(StudyRequest request) {
        Resolved r = resolve(request);
        StudyPlan plan = SweepExpansion.expand(r.kind, r.preset, r.spec, r.sweep, r.seeds, props.maxRuns());
        String name = name(request, r, plan);
        DisplayText.require("notes", request.notes(), true);
        List<Run> prepared = prepare(plan, name);
        Study study = new Study(
                RunService.newId(),
                name,
                blankToNull(request.notes()),
                plan.kind(),
                r.studyPreset == null ? null : r.studyPreset.id(),
                plan.preset(),
                r.spec,
                plan.sweep(),
                plan.seeds(),
                prepared.size(),
                Instant.now(),
                false,
                owner.current().orElse(null));
        runService.storeWithinQuota(prepared.size(), () -> {
            studies.insert(study);
            for (int i = 0; i < prepared.size(); i++) {
                runs.insert(prepared.get(i));
                studies.link(
                        prepared.get(i).id(), study.id(), plan.runs().get(i).setting());
            }
        });
        prepared.forEach(runService::enqueue);
        return find(study.id()).orElseThrow();
    }

    public Optional<StudyRuns> find(String id) {
        return studies.find(id).map(this::withRuns);
    }

    public List<StudyRuns> list() {
        return studies.list().stream().map(this::withRuns).toList();
    }

    /** Run id → its study, for every run that belongs to one (the runs list's Study column). */
    public Map<String, Study> studiesOfRuns() {
        Map<String, Study> byId = new java.util.HashMap<>();
        studies.list().forEach(s -> byId.put(s.id(), s));
        Map<String, Study> out = new java.util.HashMap<>();
        studies.studyOfRuns().forEach((run, study) -> {
            if (byId.containsKey(study)) {
                out.put(run, byId.get(study));
            }
        });
        return out;
    }

    /** Cancels every run not yet ended; false when all had ended already. */
    public boolean cancel(String id) {
        StudyRuns current = find(id).orElseThrow(() -> new IllegalArgumentException("no study " + id));
        if (current.status() != StudyStatus.RUNNING) {
            return false;
        }
        studies.requestCancel(id);
        current.runs().stream()
                .map(StudyRuns.StudyRun::run)
                .filter(run -> !run.status().isTerminal())
                .forEach(run -> runService.cancel(run.id()));
        return true;
    }

    public void updateNotes(String id, String notes) {
        studies.updateNotes(id, RunLabels.notes(notes));
    }

    /** Renames a study; throws {@link SpecValidationException} for a bad name. */
    public void rename(String id, String name) {
        studies.rename(id, RunLabels.name("name", name, MAX_NAME));
    }

    /**
     * Deletes a study with all its runs (cancelled first, as {@link RunService#delete}) and their share links and its
     * own.
     */
    public void delete(StudyRuns study) {
        List<Run> all = study.runs().stream().map(StudyRuns.StudyRun::run).toList();
        runService.stop(all);
        transaction.executeWithoutResult(status -> {
            all.forEach(run -> runService.deleteRow(run, false));
            studies.delete(study.study().id());
            events.publishEvent(new Deleted(Deleted.Target.STUDY, study.study().id()));
        });
        all.forEach(run -> bus.publish(new RunEvent.Edited(run.id())));
    }

    private StudyRuns withRuns(Study study) {
        return StudyRuns.of(
                study,
                runs.listOfStudy(study.id()),
                studies.settingsOfRuns(study.id()),
                studies.deletedRuns(study.id()));
    }

    /** Every planned run through the single-run checks (memory budget included), errors named per setting. */
    private List<Run> prepare(StudyPlan plan, String studyName) {
        Set<FieldError> errors = new LinkedHashSet<>();
        List<Run> prepared = new ArrayList<>();
        for (StudyPlan.PlannedRun p : plan.runs()) {
            Map<String, Object> setting = plan.settings().get(p.setting());
            String label = Settings.label(setting);
            // named like the study's setting column: "λ = 1e-4", not "lambda=1.0E-4"
            String runName = studyName
                    + setting.entrySet().stream()
                            .map(e -> " · " + FieldText.of(e.getKey(), e.getValue()))
                            .collect(Collectors.joining())
                    + " · seed " + p.spec().get("seed");
            try {
                prepared.add(runService.prepare(plan.kind(), p.preset(), p.spec(), truncate(runName)));
            } catch (SpecValidationException e) {
                e.errors()
                        .forEach(err -> errors.add(new FieldError(
                                err.field(), (label.isEmpty() ? "" : "setting " + label + ": ") + err.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecValidationException(new ArrayList<>(errors));
        }
        return prepared;
    }

    private Resolved resolve(StudyRequest request) {
        StudyPreset studyPreset = request.preset() == null
                ? null
                : StudyPresets.find(request.preset()).orElse(null);
        Map<String, Object> spec = new LinkedHashMap<>();
        Map<String, Object> sweep = new LinkedHashMap<>();
        String kindId = blankToNull(request.kind());
        String runPreset = blankToNull(request.preset());
        int seeds = 1;
        if (studyPreset != null) {
            List<String> installed =
                    kinds.all().stream().map(ExperimentKind::id).toList();
            studyPreset.unavailableReason(installed).ifPresent(reason -> {
                throw new SpecValidationException("preset", "study preset '" + studyPreset.id() + "' " + reason);
            });
            if (kindId != null && !kindId.equals(studyPreset.kind())) {
                throw new SpecValidationException(
                        "kind",
                        "study preset '" + studyPreset.id() + "' is of kind " + studyPreset.kind() + ", not " + kindId);
            }
            kindId = studyPreset.kind();
            runPreset = studyPreset.preset();
            spec.putAll(studyPreset.spec());
            sweep.putAll(studyPreset.sweep());
            seeds = studyPreset.seeds();
        }
        if (kindId == null) {
            throw new SpecValidationException(
                    "kind",
                    "is required (or a study preset: "
                            + String.join(
                                    ", ",
                                    StudyPresets.all().stream()
                                            .map(StudyPreset::id)
                                            .toList()) + ")");
        }
        String id = kindId;
        ExperimentKind<?> kind = kinds.find(id)
                .orElseThrow(() -> new SpecValidationException(
                        "kind",
                        "unknown kind '" + id + "'; allowed: "
                                + String.join(
                                        ", ",
                                        kinds.all().stream()
                                                .map(ExperimentKind::id)
                                                .toList())));
        if (request.spec() != null) {
            spec.putAll(request.spec());
        }
        if (request.sweep() != null) {
            sweep.putAll(request.sweep());
        }
        return new Resolved(
                kind, runPreset, spec, sweep, request.seeds() == null ? seeds : request.seeds(), studyPreset);
    }

    private static String name(StudyRequest request, Resolved r, StudyPlan plan) {
        if (request.name() != null && !request.name().isBlank()) {
            String name = request.name().strip();
            if (name.length() > MAX_NAME) {
                throw new SpecValidationException(
                        "name", "is " + name.length() + " characters long; allowed: at most " + MAX_NAME);
            }
            DisplayText.require("name", name, false);
            return name;
        }
        if (r.studyPreset != null) {
            return r.studyPreset.id();
        }
        return r.kind.id()
                + (r.preset == null ? "" : " · " + r.preset)
                + (plan.sweep().isEmpty()
                        ? " · " + plan.seeds() + " seeds"
                        : " · sweep " + String.join(" × ", plan.sweep().keySet()));
    }

    private static String truncate(String name) {
        return name.length() <= 200 ? name : name.substring(0, 199) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Resolved(
            ExperimentKind<?> kind,
            String preset,
            Map<String, Object> spec,
            Map<String, Object> sweep,
            int seeds,
            StudyPreset studyPreset) {}
}
