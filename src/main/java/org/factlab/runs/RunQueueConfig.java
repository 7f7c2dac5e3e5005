package org.factlab.runs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the db-scheduler task that executes runs. */
@Configuration
public class RunQueueConfig {

    static final String TASK_NAME = "run-experiment";

    /**
     * The run task. A dead execution (its worker stopped heartbeating) is never re-run silently: the run is
     * marked INTERRUPTED and the user decides whether to launch it again.
     */
    @Bean
    OneTimeTask<String> runTask(RunExecutor executor, StartupRecovery recovery, RunRepository runs, LiveBus bus) {
        return Tasks.oneTime(TASK_NAME, String.class)
                .onDeadExecution((complete, ops) -> {
                    String runId = (String) complete.getExecution().taskInstance.getData();
                    runs.interrupt(runId, Instant.now());
                    bus.publish(new RunEvent.Status(runId, RunStatus.INTERRUPTED));
                    ops.remove();
                })
                .execute((instance, ctx) -> executor.execute(instance.getData()));
    }
}
