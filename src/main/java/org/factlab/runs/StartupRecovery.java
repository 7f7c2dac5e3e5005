package org.factlab.runs;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before the queue starts: runs that were RUNNING when this (single) server stopped become INTERRUPTED with
 * their recorded steps kept, and their stale queue entries are removed so they never re-run silently.
 * Queued runs stay queued.
 */
@Component
public class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final RunRepository runs;
    private final JdbcClient jdbc;

    public StartupRecovery(RunRepository runs, JdbcClient jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    @PostConstruct
    void interruptLeftovers() {
        List<String> interrupted = runs.interruptAllRunning(Instant.now());
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :task AND picked = TRUE")
                .param("task", RunQueueConfig.TASK_NAME).update();
        if (!interrupted.isEmpty()) {
            log.warn("runs interrupted by the last server stop: {}", interrupted);
        }
    }
}
