package org.factlab.runs;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before the queue starts: runs that were RUNNING when this server stopped become INTERRUPTED with their recorded
 * steps kept, and their stale queue entries are removed so they never re-run silently. Queued runs stay queued.
 * Alone on its database (H2) this server owns every running run; on a shared database only those recorded
 * under its own worker name — the other workers' runs are left to them, or to db-scheduler's dead-execution
 * detection when they stop heartbeating ({@link RunQueueConfig}).
 */
@Component
public class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final RunRepository runs;
    private final JdbcClient jdbc;
    private final WorkerProperties worker;

    public StartupRecovery(RunRepository runs, JdbcClient jdbc, WorkerProperties worker) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.worker = worker;
    }

    @PostConstruct
    void interruptLeftovers() {
        String own = worker.sharedDatabase() ? worker.name() : null;
        List<String> interrupted = runs.interruptRunning(own, Instant.now());
        jdbc.sql("""
                DELETE FROM scheduled_tasks WHERE task_name = :task AND picked = TRUE
                AND (CAST(:worker AS VARCHAR(100)) IS NULL OR picked_by = :worker)""")
                .param("task", RunQueueConfig.TASK_NAME)
                .param("worker", own)
                .update();
        if (!interrupted.isEmpty()) {
            log.warn("runs interrupted by the last stop of this server: {}", interrupted);
        }
    }
}
