package org.factlab.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code factlab.workers.*}: how this instance works next to other FACT Lab instances on one
 * database.
 *
 * @param name            this worker's name in the run table and the queue; blank = host name and process id
 * @param sharedDatabase  other workers use the same database (PostgreSQL): follow their runs through it and
 *                        leave their runs to db-scheduler's heartbeats instead of interrupting them at start-up
 * @param followInterval  how often the runs of other workers are read back for live views
 * @param finishRetry     how long a run whose database went away keeps trying to record how it ended
 */
@ConfigurationProperties("factlab.workers")
public record WorkerProperties(String name, boolean sharedDatabase, Duration followInterval, Duration finishRetry) {

    /** db-scheduler's {@code picked_by} column holds 50 characters. */
    private static final int MAX_NAME = 50;

    public WorkerProperties {
        if (name == null || name.isBlank()) {
            String pid = "-" + ProcessHandle.current().pid();
            String host = hostName();
            name = host.substring(0, Math.min(host.length(), MAX_NAME - pid.length())) + pid;
        } else if (name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException(
                    "factlab.workers.name '" + name + "' is too long; allowed: at most " + MAX_NAME + " characters");
        }
        name = name.strip();
        followInterval = followInterval == null ? Duration.ofMillis(500) : followInterval;
        finishRetry = finishRetry == null ? Duration.ofMinutes(2) : finishRetry;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "factlab";
        }
    }
}
