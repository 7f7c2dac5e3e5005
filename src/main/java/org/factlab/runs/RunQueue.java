package org.factlab.runs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The run queue on db-scheduler: one task instance per run, picked by the first free worker. */
@Component
public class RunQueue {

    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final RunExecutor executor;
    private final RunRepository runs;

    public RunQueue(
            @Lazy SchedulerClient scheduler, OneTimeTask<String> runTask, RunExecutor executor, RunRepository runs) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.task = runTask;
        this.executor = executor;
    }

    void enqueue(String runId) {
        scheduler.scheduleIfNotExists(task.instance(runId, runId), Instant.now());
    }

    /** At start-up: queued runs whose queue entry was consumed by a shutdown get one again. */
    @EventListener(ApplicationReadyEvent.class)
    void requeueOrphans() {
        runs.list(null, RunStatus.QUEUED).forEach(r -> enqueue(r.id()));
    }

    /** Drops a queued run's task instance (no-op when it was already picked or done). */
    void remove(String runId) {
        TaskInstanceId id = TaskInstanceId.of(RunQueueConfig.TASK_NAME, runId);
        if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
            try {
                scheduler.cancel(id);
            } catch (RuntimeException ignoredRace) {
                // picked or finished meanwhile: the executor sees CANCELLED and skips it
            }
        }
    }

    void cancelLocal(String runId) {
        executor.cancelLocal(runId);
    }
}
