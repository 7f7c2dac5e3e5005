package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run that was RUNNING when the server stopped — killed with SIGKILL, or shut down — is INTERRUPTED after the
 * restart, keeps every recorded point, and is never re-run silently.
 */
@SlowTest
class RestartRecoveryTest {

    @TempDir
    Path dataDir;

    /** Starts the application on an H2 file database that a second process may open too (AUTO_SERVER). */
    static ConfigurableApplicationContext server(String dataDir) {
        return CrashChild.builder()
                .run(
                        "--server.port=0",
                        "--factlab.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/factlab;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void runKilledWithSigkillIsInterruptedWithItsPointsAfterRestart() throws Exception {
        int hangAt = 7;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashChild.class.getName(),
                        dataDir.toString(),
                        Integer.toString(hangAt))
                .redirectErrorStream(true)
                .start();
        String runId;
        try {
            runId = awaitRunId(child);
            String url = "jdbc:h2:file:" + dataDir + "/factlab;AUTO_SERVER=TRUE";
            awaitPoints(url, runId, 2L * hangAt);
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                assertEquals("RUNNING", status(c, runId));
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        try (ConfigurableApplicationContext restarted = server(dataDir.toString())) {
            RunRepository runs = restarted.getBean(RunRepository.class);
            MetricRepository metrics = restarted.getBean(MetricRepository.class);
            Run run = runs.find(runId).orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, run.status());
            assertTrue(run.error().contains("stopped"), run.error());
            assertEquals(2L * hangAt, metrics.count(runId), "every point recorded before the kill is kept");
            assertEquals(
                    hangAt,
                    restarted.getBean(MatrixRepository.class).list(runId).size());
            Thread.sleep(2500);
            assertEquals(RunStatus.INTERRUPTED, runs.find(runId).orElseThrow().status(), "not re-run");
            assertEquals(2L * hangAt, metrics.count(runId));
            assertEquals(
                    0L,
                    restarted
                            .getBean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :id")
                            .param("id", runId)
                            .query(Long.class)
                            .single());
        }
    }

    @Test
    void runningRunEndsInterruptedOnShutdownAndQueuedRunsStayQueued() throws Exception {
        String running;
        String queued;
        try (ConfigurableApplicationContext first = server(dataDir.toString())) {
            RunService service = first.getBean(RunService.class);
            MetricRepository metrics = first.getBean(MetricRepository.class);
            running = service.submit("test-scripted", null, Map.of("steps", 1000, "hangAt", 5), "shut down")
                    .id();
            queued = service.submit("test-scripted", "tiny", null, "waits").id();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (metrics.count(running) < 10 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(10, metrics.count(running));
        }
        try (ConfigurableApplicationContext second = server(dataDir.toString())) {
            RunRepository runs = second.getBean(RunRepository.class);
            Run stopped = runs.find(running).orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, stopped.status());
            assertTrue(stopped.error().contains("shut down"), stopped.error());
            assertEquals(10, second.getBean(MetricRepository.class).count(running));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (runs.find(queued).orElseThrow().status() != RunStatus.SUCCEEDED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(RunStatus.SUCCEEDED, runs.find(queued).orElseThrow().status(), "queued run ran after restart");
        }
    }

    private static String awaitRunId(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("RUN ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return line.substring(4).trim();
            }
            log.append(line).append('\n');
        }
        throw new AssertionError("child server ended without launching a run:\n" + log);
    }

    private static void awaitPoints(String url, String runId, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT COUNT(*) FROM metric WHERE run_id = '" + runId + "'")) {
                rs.next();
                if (rs.getLong(1) >= expected) {
                    assertEquals(expected, rs.getLong(1));
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not record " + expected + " points");
    }

    private static String status(Connection c, String runId) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT status FROM run WHERE id = '" + runId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
