package org.factlab.runs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts an INTERRUPTED run back in the queue, for kinds whose work can go on where it stopped (a followed training run
 * that a lab restart or its idle timeout interrupted, when the client sends again): it becomes QUEUED without its end
 * time and reason, keeping every recorded step, and the kind's {@code run} starts again.
 */
@Component
public class RunResumption {

    private final JdbcClient jdbc;
    private final RunQueue queue;
    private final LiveBus bus;

    public RunResumption(JdbcClient jdbc, RunQueue queue, LiveBus bus) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.bus = bus;
    }

    /** True when {@code runId} was INTERRUPTED and is queued again now. */
    public boolean resume(String runId) {
        boolean resumed = jdbc.sql("""
                UPDATE run SET status = 'QUEUED', finished_at = NULL, error = NULL
                WHERE id = :id AND status = 'INTERRUPTED'""").param("id", runId).update() == 1;
        if (resumed) {
            queue.enqueue(runId);
            bus.publish(new RunEvent.Status(runId, RunStatus.QUEUED));
        }
        return resumed;
    }
}
