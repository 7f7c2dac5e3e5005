package org.factlab.runs;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The cross-instance live feed. On a database shared by several workers, runs executed by another worker
 * publish nothing on this JVM's {@link LiveBus}; this follower reads them back from the database every
 * {@code factlab.workers.follow-interval} and publishes the same events: status changes of every run (new
 * runs queued elsewhere included), progress, and — for runs someone here follows — the metric points and
 * matrix snapshots committed since the last read (a {@link StepCursor} per run and table). Views consume the
 * bus as for local runs. Runs this JVM executes are skipped: their events come from the run thread.
 */
@Component
public class DbFollower {

    private static final Logger log = LoggerFactory.getLogger(DbFollower.class);

    private final RunRepository runs;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final RunExecutor executor;
    private final LiveBus bus;
    private final WorkerProperties worker;
    private final Map<String, Followed> followed = new HashMap<>();
    private ScheduledExecutorService clock;
    private boolean firstPoll = true;

    /** What was last published for a run executed elsewhere. */
    private static final class Followed {
        RunStatus status;
        long done;
        long total;
        final StepCursor points = new StepCursor();
        final StepCursor snapshots = new StepCursor();
    }

    public DbFollower(
            RunRepository runs,
            MetricRepository metrics,
            MatrixRepository matrices,
            RunExecutor executor,
            LiveBus bus,
            WorkerProperties worker) {
        this.runs = runs;
        this.metrics = metrics;
        this.matrices = matrices;
        this.executor = executor;
        this.bus = bus;
        this.worker = worker;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!worker.sharedDatabase()) {
            return;
        }
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "db-follower");
            t.setDaemon(true);
            return t;
        });
        long period = worker.followInterval().toMillis();
        clock.scheduleWithFixedDelay(this::pollSafely, 0, period, TimeUnit.MILLISECONDS);
        log.info("following the runs of other workers every {} ms", period);
    }

    @PreDestroy
    void stop() {
        if (clock != null) {
            clock.shutdownNow();
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("could not read other workers' runs: {}", e.toString());
        }
    }

    /** One read of the database; package-private so that tests can drive it step by step. */
    synchronized void poll() {
        Set<String> live = new HashSet<>();
        for (RunRepository.LiveState state : runs.liveStates()) {
            if (executor.executesHere(state.id())) {
                followed.remove(state.id());
                continue;
            }
            live.add(state.id());
            Followed f = followed.get(state.id());
            if (f == null) {
                f = new Followed();
                followed.put(state.id(), f);
                if (!firstPoll) {
                    publishStatus(state.id(), f, state.status());
                }
                f.status = state.status();
            }
            if (state.status() == RunStatus.RUNNING) {
                deliverRecorded(state.id(), f);
            }
            if (f.status != state.status()) {
                publishStatus(state.id(), f, state.status());
            }
            if (state.done() != f.done || state.total() != f.total) {
                f.done = state.done();
                f.total = state.total();
                bus.publish(new RunEvent.Progress(state.id(), state.done(), state.total()));
            }
        }
        firstPoll = false;
        for (String id : List.copyOf(followed.keySet())) {
            if (!live.contains(id)) {
                Followed f = followed.remove(id);
                runs.find(id).ifPresent(ended -> {
                    deliverRecorded(id, f);
                    publishStatus(id, f, ended.status());
                });
            }
        }
    }

    private void publishStatus(String id, Followed f, RunStatus status) {
        f.status = status;
        bus.publish(new RunEvent.Status(id, status));
    }

    /** Publishes the points and snapshots committed since the last read, when someone here follows the run. */
    private void deliverRecorded(String id, Followed f) {
        long lastPoint = metrics.lastStep(id);
        long lastSnapshot = matrices.lastStep(id);
        if (!bus.hasSubscribers(id)) {
            // read the last steps before checking: a view that subscribes after this check loads them itself
            f.points.skipTo(lastPoint);
            f.snapshots.skipTo(lastSnapshot);
            return;
        }
        Map<Long, Map<String, Double>> byStep = new LinkedHashMap<>();
        for (MetricPoint p : metrics.pointsFrom(id, f.points.from())) {
            if (f.points.accept(p.series(), p.step())) {
                byStep.computeIfAbsent(p.step(), k -> new LinkedHashMap<>()).put(p.series(), p.value());
            }
        }
        byStep.forEach((step, values) -> bus.publish(new RunEvent.Metrics(id, step, Map.copyOf(values))));
        for (MatrixSnapshot.Info m : matrices.listFrom(id, f.snapshots.from())) {
            if (f.snapshots.accept(m.name(), m.step())) {
                bus.publish(new RunEvent.Matrix(id, m.name(), m.step()));
            }
        }
    }
}
