package org.factlab.runs;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Submitting, finding, cancelling, editing, relaunching and deleting runs. */
@Service
public class RunService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    /** 16 characters of a 32-letter alphabet: 80 random bits, so ids cannot be found by walking or guessing. */
    private static final int ID_LENGTH = 16;
    /** How long deleting waits for a cancelled run to stop before its rows go anyway. */
    static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final KindRegistry kinds;
    private final RunRepository runs;
    private final RunQueue queue;
    private final LiveBus bus;
    private final ComputeBackend backend;
    private final RunOwner owner;
    private final FactlabProperties props;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Map<String, Object> launchLocks = new ConcurrentHashMap<>();

    public RunService(
            KindRegistry kinds,
            RunRepository runs,
            RunQueue queue,
            LiveBus bus,
            ComputeBackend backend,
            RunOwner owner,
            FactlabProperties props,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.kinds = kinds;
        this.runs = runs;
        this.queue = queue;
        this.bus = bus;
        this.backend = backend;
        this.owner = owner;
        this.props = props;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * Validates and queues a run. The spec is the kind's defaults, overridden by the preset's spec, then by
     * {@code fields}. Throws {@link SpecValidationException} naming each bad field.
     */
    public Run submit(String kindId, String presetId, Map<String, ?> fields, String name) {
        Run run = prepare(kindId, presetId, fields, name);
        storeWithinQuota(1, () -> runs.insert(run));
        enqueue(run);
        return run;
    }

    /**
     * A validated QUEUED run that is neither stored nor queued yet (studies store many in one transaction, then
     * {@link #enqueue} them). Throws {@link SpecValidationException} naming each bad field.
     */
    public Run prepare(String kindId, String presetId, Map<String, ?> fields, String name) {
        ExperimentKind<?> kind = kinds.find(kindId)
                .orElseThrow(() -> new SpecValidationException(
                        "kind",
                        "unknown kind '" + kindId + "'; allowed: "
                                + String.join(
                                        ", ",
                                        kinds.all().stream()
                                                .map(ExperimentKind::id)
                                                .toList())));
        return prepareTyped(kind, presetId, fields, name);
    }

    /**
     * Stores {@code adding} new runs with {@code store}, in one transaction, unless that would give the signed-in
     * account more than {@code factlab.quota.runs} queued or running runs ({@link QuotaExceededException}, nothing
     * stored). The account's quota row is locked while its runs are counted and stored, so parallel launches are
     * counted one after the other (in this JVM they also queue on a lock of the account, so that they never wait for
     * the database's row lock). Without login there are no accounts and no quota.
     */
    public void storeWithinQuota(int adding, Runnable store) {
        String account = owner.current().orElse(null);
        if (account == null) {
            transaction.executeWithoutResult(status -> store.run());
            return;
        }
        String key = account.toLowerCase(Locale.ROOT);
        runs.ensureQuotaRow(key);
        synchronized (launchLocks.computeIfAbsent(key, k -> new Object())) {
            transaction.executeWithoutResult(status -> {
                runs.lockQuota(key);
                long active = runs.countActive(account);
                int limit = props.quota().runs();
                if (active + adding > limit) {
                    throw new QuotaExceededException(account + " has " + active + " runs queued or running; launching "
                            + adding + " more would pass the limit of " + limit + " (factlab.quota.runs); wait for "
                            + "some to finish or cancel some");
                }
                store.run();
            });
        }
    }

    /** Hands a stored QUEUED run to the queue and tells the open views. */
    public void enqueue(Run run) {
        queue.enqueue(run.id());
        bus.publish(new RunEvent.Status(run.id(), RunStatus.QUEUED));
    }

    private <S extends Record> Run prepareTyped(
            ExperimentKind<S> kind, String presetId, Map<String, ?> fields, String name) {
        Map<String, Object> base = null;
        if (presetId != null && !presetId.isBlank()) {
            Preset<S> preset = kind.presets().stream()
                    .filter(p -> p.id().equals(presetId))
                    .findFirst()
                    .orElseThrow(() -> new SpecValidationException(
                            "preset",
                            "unknown preset '" + presetId
                                    + "' of kind " + kind.id() + "; allowed: "
                                    + String.join(
                                            ", ",
                                            kind.presets().stream()
                                                    .map(Preset::id)
                                                    .toList())));
            base = SpecCodec.toMap(preset.spec());
        }
        S spec = SpecCodec.bind(kind, base, fields);
        backend.requireArithmetic(kind.engine());
        List<FieldError> problems = kind.launchProblems(spec, props.datasetRoots());
        if (!problems.isEmpty()) {
            throw new SpecValidationException(problems);
        }
        long estimate = kind.estimateMemoryBytes(spec, props.datasetRoots());
        if (estimate > 0) {
            ComputeBackend.MemoryBudget budget = backend.budgetFor(kind.engine());
            if (estimate > budget.bytes()) {
                throw new SpecValidationException(List.of(new FieldError(
                        "spec",
                        String.format(
                                "estimated memory %.1f MiB exceeds the budget of %.1f MiB (%s); make n smaller or "
                                        + "raise the budget",
                                estimate / 1048576.0, budget.bytes() / 1048576.0, budget.source()))));
            }
        }
        Map<String, Object> specMap = SpecCodec.toMap(spec);
        Object seed = specMap.get("seed");
        String runName = name == null || name.isBlank() ? defaultName(kind.id(), presetId) : name.strip();
        if (runName.length() > RunLabels.MAX_NAME) {
            throw new SpecValidationException(
                    "name", "is " + runName.length() + " characters long; allowed: at most " + RunLabels.MAX_NAME);
        }
        DisplayText.require("name", runName, false);
        return new Run(
                newId(),
                runName,
                kind.id(),
                blankToNull(presetId),
                specMap,
                seed instanceof Number n ? n.longValue() : 0L,
                RunStatus.QUEUED,
                null,
                Instant.now(),
                null,
                null,
                null,
                backend.versions(),
                null,
                0,
                0,
                owner.current().orElse(null),
                List.of(),
                null);
    }

    public Optional<Run> find(String id) {
        return runs.find(id);
    }

    /** The notes a run recorded ({@code RunContext.note}), one per line. */
    public List<String> notes(String id) {
        return runs.notes(id);
    }

    public List<Run> list(String kind, RunStatus status) {
        return runs.list(kind, status);
    }

    /** The runs that pass {@code filter}, newest first. */
    /** The queue: queued and running runs per worker ({@link RunRepository#queue}). */
    public List<RunRepository.QueueCount> queue() {
        return runs.queue();
    }

    public List<Run> list(RunFilter filter) {
        return runs.list(filter.kind(), filter.status()).stream()
                .filter(filter::matches)
                .toList();
    }

    /**
     * Reads a filter from query parameters; {@code spec.<field>} must name a field of some installed kind. Throws
     * {@link SpecValidationException} naming every bad key.
     */
    public RunFilter filter(Map<String, List<String>> params) {
        Set<String> fields = new TreeSet<>();
        kinds.all().forEach(k -> SpecCodec.fields(k).forEach(f -> fields.add(f.name())));
        return RunFilter.parse(params, fields);
    }

    /**
     * Sets a run's name, notes and tags; a null argument leaves that one as it is, a blank notes text clears them.
     * Throws {@link SpecValidationException} naming a bad value and what is allowed.
     */
    public Run edit(String id, String name, String notes, Object tags) {
        Run run = runs.find(id).orElseThrow(() -> new NoSuchElementException("no run " + id));
        String newName = name == null ? run.name() : RunLabels.name("name", name, RunLabels.MAX_NAME);
        String newNotes = notes == null ? run.notes() : RunLabels.notes(notes);
        List<String> newTags = tags == null ? run.tags() : RunLabels.tags(tags);
        runs.updateLabels(id, newName, newNotes, newTags);
        bus.publish(new RunEvent.Edited(id));
        return runs.find(id).orElseThrow();
    }

    /**
     * Launches a new run of the same kind and preset with this run's spec, {@code overrides} on top, and this run's
     * tags; named {@code name}, or when blank for what it is, the original's name with "(again)" ("(again 2)", …).
     */
    public Run relaunch(Run original, Map<String, ?> overrides, String name) {
        Map<String, Object> spec = new LinkedHashMap<>(original.spec());
        if (overrides != null) {
            spec.putAll(overrides);
        }
        Run launched = submit(
                original.kind(),
                original.preset(),
                spec,
                name == null || name.isBlank() ? againName(original.name()) : name);
        return original.tags().isEmpty() ? launched : edit(launched.id(), null, null, original.tags());
    }

    /** "x" → "x (again)", "x (again)" → "x (again 2)", "x (again n)" → "x (again n+1)", within the name limit. */
    static String againName(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*) \\(again(?: (\\d{1,6}))?\\)$")
                .matcher(name);
        String base = m.matches() ? m.group(1) : name;
        String suffix = m.matches()
                ? " (again " + (m.group(2) == null ? 2 : Integer.parseInt(m.group(2)) + 1) + ")"
                : " (again)";
        int room = RunLabels.MAX_NAME - suffix.length();
        return (base.length() > room ? base.substring(0, Math.max(0, room)).strip() : base) + suffix;
    }

    /**
     * Deletes a run with its metrics, matrices, notes and share links; a queued or running run is cancelled first
     * (and given {@link #STOP_WAIT} to stop). A run of a study leaves a row saying it was deleted.
     */
    public void delete(Run run) {
        stop(List.of(run));
        transaction.executeWithoutResult(status -> deleteRow(run, true));
        bus.publish(new RunEvent.Edited(run.id()));
    }

    /** Cancels the runs that have not ended, then waits up to {@link #STOP_WAIT} for them to stop. */
    public void stop(List<Run> all) {
        List<String> unfinished =
                all.stream().filter(r -> !r.status().isTerminal()).map(Run::id).toList();
        unfinished.forEach(this::cancel);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (String id : unfinished) {
            while (runs.find(id).map(r -> !r.status().isTerminal()).orElse(false) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Deletes one run's row (metrics and matrices cascade) inside the caller's transaction. */
    public void deleteRow(Run run, boolean keepInStudy) {
        if (keepInStudy) {
            runs.studyOf(run.id())
                    .ifPresent(m -> runs.recordDeletedRun(
                            m.studyId(),
                            new DeletedRun(
                                    run.id(),
                                    run.name(),
                                    m.setting(),
                                    run.seed(),
                                    Instant.now(),
                                    owner.current().orElse(null))));
        }
        runs.delete(run.id());
        events.publishEvent(new Deleted(Deleted.Target.RUN, run.id()));
    }

    /** Cancels a queued run at once, or asks a running one to stop at its next step. False when already ended. */
    public boolean cancel(String id) {
        if (runs.cancelQueued(id, Instant.now())) {
            queue.remove(id);
            bus.publish(new RunEvent.Status(id, RunStatus.CANCELLED));
            return true;
        }
        if (runs.requestCancel(id)) {
            queue.cancelLocal(id);
            return true;
        }
        return false;
    }

    private static String defaultName(String kind, String preset) {
        return kind + (preset == null || preset.isBlank() ? "" : " · " + preset);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
