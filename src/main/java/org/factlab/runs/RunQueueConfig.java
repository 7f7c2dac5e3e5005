package org.factlab.runs;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the db-scheduler task that executes runs, under this worker's name. */
@Configuration
public class RunQueueConfig {

    static final String TASK_NAME = "run-experiment";

    private static final Logger log = LoggerFactory.getLogger(RunQueueConfig.class);

    /**
     * The run task. A dead execution (its worker stopped heartbeating: killed, or cut off from the database) is
     * never re-run silently: whichever worker detects it marks the run INTERRUPTED, and the user decides whether
     * to launch it again.
     */
    @Bean
    OneTimeTask<String> runTask(RunExecutor executor, StartupRecovery recovery, RunRepository runs, LiveBus bus) {
        return Tasks.oneTime(TASK_NAME, String.class)
                .onDeadExecution((complete, ops) -> {
                    String runId = (String) complete.getExecution().taskInstance.getData();
                    String deadWorker = complete.getExecution().pickedBy;
                    if (runs.interrupt(
                            runId,
                            Instant.now(),
                            "worker " + deadWorker + " stopped sending heartbeats while this run was running (killed, "
                                    + "or cut off from the database); its recorded steps are kept")) {
                        log.warn("run {} interrupted: its worker {} is dead", runId, deadWorker);
                        bus.publish(new RunEvent.Status(runId, RunStatus.INTERRUPTED));
                    }
                    ops.remove();
                })
                .execute((instance, ctx) -> executor.execute(instance.getData()));
    }

    /** db-scheduler's {@code picked_by} is this worker's name, the one its runs record. */
    @Bean
    DbSchedulerCustomizer workerName(WorkerProperties worker) {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(worker.name()));
            }
        };
    }
}
