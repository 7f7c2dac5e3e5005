package org.factlab.runs;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.RunInterruptedException;
import org.factlab.experiments.SpecCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/** Executes one queued run on a queue worker thread and records how it ended. */
@Component
public class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

    private final KindRegistry kinds;
    private final RunRepository runs;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final LiveBus bus;
    private final ComputeBackend backend;
    private final FactlabProperties props;
    private final WorkerProperties worker;
    private final Map<String, RunRecorder> active = new ConcurrentHashMap<>();
    /** Runs this JVM is starting, executing or finishing: their live events come from here, not the database. */
    private final Set<String> local = ConcurrentHashMap.newKeySet();

    private volatile boolean shuttingDown;

    public RunExecutor(
            KindRegistry kinds,
            RunRepository runs,
            MetricRepository metrics,
            MatrixRepository matrices,
            LiveBus bus,
            ComputeBackend backend,
            FactlabProperties props,
            WorkerProperties worker) {
        this.kinds = kinds;
        this.runs = runs;
        this.metrics = metrics;
        this.matrices = matrices;
        this.bus = bus;
        this.backend = backend;
        this.props = props;
        this.worker = worker;
    }

    /** Runs {@code runId} if it is still queued. Never throws: every outcome is written to the run row. */
    public void execute(String runId) {
        Run run = runs.find(runId).orElse(null);
        if (run == null || run.status() != RunStatus.QUEUED || shuttingDown) {
            return;
        }
        ExperimentKind<?> kind = kinds.find(run.kind()).orElse(null);
        if (kind == null) {
            runs.markFinished(runId, RunStatus.FAILED, "unknown kind " + run.kind(), null, Instant.now());
            bus.publish(new RunEvent.Status(runId, RunStatus.FAILED));
            return;
        }
        String refusal = arithmeticRefusal(kind);
        if (refusal != null) {
            runs.markFinished(runId, RunStatus.FAILED, refusal, null, Instant.now());
            bus.publish(new RunEvent.Status(runId, RunStatus.FAILED));
            return;
        }
        local.add(runId);
        try {
            if (runs.markStarted(runId, backend.describe(kind.engine()), worker.name(), Instant.now())) {
                log.info("run {} started on worker {}", runId, worker.name());
                executeStarted(runId, kind, run);
            }
        } finally {
            local.remove(runId);
        }
    }

    /** Why {@code kind} may not run here (its native linear algebra failed the self-check), or null. */
    private String arithmeticRefusal(ExperimentKind<?> kind) {
        try {
            backend.requireArithmetic(kind.engine());
            return null;
        } catch (NativeArithmeticUnavailableException e) {
            return e.getMessage();
        }
    }

    /** True while {@code runId} is being started, executed or finished by this JVM. */
    boolean executesHere(String runId) {
        return local.contains(runId);
    }

    private void executeStarted(String runId, ExperimentKind<?> kind, Run run) {
        bus.publish(new RunEvent.Status(runId, RunStatus.RUNNING));
        RunRecorder recorder = new RunRecorder(
                runId, runs, metrics, matrices, bus, props.memoryBudgetBytes(), props.datasetRoots(), props.quota());
        active.put(runId, recorder);
        RunStatus status;
        String error = null;
        try {
            runTyped(kind, run.spec(), recorder);
            if (shuttingDown) {
                status = RunStatus.INTERRUPTED;
                error = "the server shut down while this run was running; its recorded steps are kept";
            } else {
                status = recorder.cancelled() ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
                error = recorder.stopReason();
            }
        } catch (RunDivergedException e) {
            status = RunStatus.DIVERGED;
            error = e.getMessage();
        } catch (RunInterruptedException e) {
            status = RunStatus.INTERRUPTED;
            error = e.getMessage();
        } catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException e) {
            log.warn("run {} lost its database", runId, e);
            status = RunStatus.FAILED;
            error = "the database became unavailable while this run was recording (" + rootMessage(e)
                    + "); every step recorded before is kept";
        } catch (OutOfMemoryError e) {
            log.warn("run {} ran out of memory", runId, e);
            status = RunStatus.FAILED;
            error = "the run ran out of memory (" + e.getMessage() + ") and was stopped; the server goes on. Make "
                    + "the run smaller (e.g. maxRows, n) or give the server more heap (-Xmx)";
        } catch (Exception | StackOverflowError e) {
            log.warn("run {} failed", runId, e);
            status = RunStatus.FAILED;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            active.remove(runId);
        }
        try {
            recorder.storeHeld();
        } catch (DataAccessException e) {
            log.warn("run {} could not store its last points: {}", runId, rootMessage(e));
        }
        finish(runId, status, error, recorder);
    }

    /**
     * On shutdown, running experiments stop at their next step and end INTERRUPTED (queued runs stay queued
     * and are re-queued at the next start).
     */
    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        shuttingDown = true;
        active.values().forEach(RunRecorder::cancelNow);
    }

    /** Flags a run executing in this JVM so it stops at its next step. */
    void cancelLocal(String runId) {
        RunRecorder recorder = active.get(runId);
        if (recorder != null) {
            recorder.cancelNow();
        }
    }

    /**
     * Records how the run ended; while the database is unavailable, tries again every second for
     * {@code factlab.workers.finish-retry}. After that the run stays RUNNING in the database until
     * db-scheduler's dead-execution detection marks it INTERRUPTED.
     */
    private void finish(String runId, RunStatus status, String error, RunRecorder recorder) {
        long deadline = System.nanoTime() + worker.finishRetry().toNanos();
        while (true) {
            try {
                runs.markFinished(runId, status, error, recorder.summary(), Instant.now());
                break;
            } catch (DataAccessException e) {
                if (System.nanoTime() > deadline || !sleepOneSecond()) {
                    log.error("could not record the end of run {} ({})", runId, status, e);
                    return;
                }
                log.warn(
                        "database unavailable, retrying to record the end of run {} ({}): {}",
                        runId,
                        status,
                        rootMessage(e));
            }
        }
        bus.publish(new RunEvent.Status(runId, status));
    }

    private static boolean sleepOneSecond() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m =
                t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }

    private static <S extends Record> void runTyped(
            ExperimentKind<S> kind, Map<String, Object> spec, RunRecorder recorder) throws Exception {
        kind.run(SpecCodec.bind(kind, spec, null), recorder);
    }
}
