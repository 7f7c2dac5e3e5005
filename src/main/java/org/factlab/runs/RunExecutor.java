package org.factlab.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.SpecCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
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
    private final Map<String, RunRecorder> active = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public RunExecutor(KindRegistry kinds, RunRepository runs, MetricRepository metrics, MatrixRepository matrices,
                       LiveBus bus, ComputeBackend backend, FactlabProperties props) {
        this.kinds = kinds;
        this.runs = runs;
        this.metrics = metrics;
        this.matrices = matrices;
        this.bus = bus;
        this.backend = backend;
        this.props = props;
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
        if (!runs.markStarted(runId, backend.describe(kind.engine()), Instant.now())) {
            return;
        }
        bus.publish(new RunEvent.Status(runId, RunStatus.RUNNING));
        RunRecorder recorder = new RunRecorder(runId, runs, metrics, matrices, bus, props.memoryBudgetBytes(),
                Path.of(props.datasetsDir()).toAbsolutePath());
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
            }
        } catch (RunDivergedException e) {
            status = RunStatus.DIVERGED;
            error = e.getMessage();
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            log.warn("run {} failed", runId, e);
            status = RunStatus.FAILED;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            active.remove(runId);
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

    private void finish(String runId, RunStatus status, String error, RunRecorder recorder) {
        try {
            runs.markFinished(runId, status, error, recorder.summary(), Instant.now());
        } catch (RuntimeException e) {
            log.error("could not record the end of run {} ({})", runId, status, e);
            return;
        }
        bus.publish(new RunEvent.Status(runId, status));
    }

    private static <S extends Record> void runTyped(ExperimentKind<S> kind, Map<String, Object> spec,
                                                     RunRecorder recorder) throws Exception {
        kind.run(SpecCodec.bind(kind, spec, null), recorder);
    }
}
