package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away while a run records: the PostgreSQL server is stopped in immediate mode (every
 * connection cut, no checkpoint) under a run committing a step every 20 ms, then started again. The HTTP server
 * stays up and says the database is unavailable; the run ends FAILED with a message saying why; every committed
 * step is still there, whole; new runs work again.
 */
@LabIntegrationTest(
        properties = {"spring.datasource.hikari.connection-timeout=2000", "factlab.workers.finish-retry=90s"})
@SlowTest
@ActiveProfiles("postgres")
@DirtiesContext
@ExtendWith(PostgresCluster.ForTestClass.class)
class DatabaseOutageTest {

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        PostgresCluster.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MetricRepository metrics;

    @Test
    void runFailsWithAClearMessageTheServerStaysUpAndCommittedStepsStay() throws Exception {
        ApiClient api = new ApiClient(port);
        String id = api.launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":100000,\"sleepMs\":20}}");
        ApiClient.await("20 steps recorded", Duration.ofSeconds(60), () -> metrics.count(id) >= 40);
        long before = committedPoints(id);
        long down = System.nanoTime();

        PostgresCluster.ForTestClass.current().stopImmediately();
        assertEquals(200, api.get("/api/system").statusCode(), "the server answers without its database");
        HttpResponse<String> runs = api.get("/api/runs");
        assertEquals(503, runs.statusCode(), runs.body());
        assertTrue(runs.body().contains("the database is unavailable"), runs.body());
        Thread.sleep(3000);
        PostgresCluster.ForTestClass.current().start();

        long up = System.nanoTime();
        JsonNode failed = api.awaitStatus(id, "FAILED");
        String error = failed.get("error").asText();
        System.out.printf(
                "DatabaseOutageTest: %d points committed when PostgreSQL stopped, %d after it came back "
                        + "(%.1f s down; FAILED recorded %.1f s after the restart): %s%n",
                before, committedPoints(id), (up - down) / 1e9, (System.nanoTime() - up) / 1e9, error);
        assertTrue(error.contains("the database became unavailable while this run was recording"), error);
        assertTrue(error.contains("every step recorded before is kept"), error);
        long after = committedPoints(id);
        assertTrue(after >= before, "committed before the outage: " + before + ", after: " + after);
        assertWholeSteps(id, after);

        String next = api.launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\"}");
        api.awaitStatus(next, "SUCCEEDED");
    }

    /** Points committed so far, read by an independent connection. */
    private static long committedPoints(String runId) throws Exception {
        try (Connection c = PostgresCluster.ForTestClass.current().connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM metric WHERE run_id = '" + runId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Steps 0 … n/2 − 1, each with both of its points (x = step, y = step²): no step lost or torn. */
    private void assertWholeSteps(String runId, long points) {
        Map<Long, Map<String, Double>> steps = new HashMap<>();
        metrics.points(runId)
                .forEach(p ->
                        steps.computeIfAbsent(p.step(), k -> new HashMap<>()).put(p.series(), p.value()));
        assertEquals(points / 2, steps.size());
        for (long s = 0; s < points / 2; s++) {
            assertEquals(Map.of("x", (double) s, "y", (double) s * s), steps.get(s), "step " + s);
        }
    }
}
