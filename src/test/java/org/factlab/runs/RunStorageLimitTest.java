package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The longest quadratic run the form allows (99998 iterations, evaluated at every step) stores no more than the
 * limits (docs/operations.md, "Uploads, quotas and limits"): {@code factlab.quota.points-per-run} steps of metric
 * values and {@code factlab.quota.snapshots-per-matrix} snapshots of each matrix, thinned evenly, plus the last step,
 * whose values are the run's final ones. Small limits here, and the run cancelled after a few thousand steps, so
 * that thinning happens several times within the test; the database file stays small meanwhile.
 */
@LabIntegrationTest(
        properties = {
            "factlab.quota.points-per-run=" + RunStorageLimitTest.POINTS,
            "factlab.quota.snapshots-per-matrix=" + RunStorageLimitTest.SNAPSHOTS
        })
class RunStorageLimitTest {

    static final int POINTS = 50;
    static final int SNAPSHOTS = 5;
    private static final long MAX_DATABASE_BYTES = 32L << 20;

    @LocalServerPort
    int port;

    @Value("${factlab.data-dir}")
    Path dataDir;

    @Autowired
    MetricRepository metrics;

    @Autowired
    MatrixRepository matrices;

    @Test
    void theLongestQuadraticRunStoresAtMostItsLimitsAndItsLastStep() throws Exception {
        ApiClient api = new ApiClient(port);
        String id = api.launch(
                "{\"kind\":\"quadratic\",\"preset\":\"quick\",\"spec\":{\"iterations\":99998," + "\"evalEvery\":1}}");
        api.await("/api/runs/" + id, r -> r.get("progress").asDouble() >= 0.03, 300);
        assertEquals(200, api.post("/api/runs/" + id + "/cancel", "").statusCode());
        JsonNode run = api.awaitStatus(id, "CANCELLED");
        List<MetricPoint> stored = metrics.points(id);
        long steps = stored.stream().map(MetricPoint::step).distinct().count();
        assertTrue(steps > POINTS / 2 && steps <= POINTS + 1, steps + " steps stored");
        MetricPoint last = stored.stream()
                .filter(p -> p.series().equals("loss"))
                .max(Comparator.comparingLong(MetricPoint::step))
                .orElseThrow();
        assertTrue(last.step() >= 3000, "the last step is kept: " + last);
        assertEquals(run.get("summary").get("loss").asDouble(), last.value(), 0);
        Map<String, List<Long>> perMatrix = matrices.list(id).stream()
                .collect(Collectors.groupingBy(
                        MatrixSnapshot.Info::name, Collectors.mapping(MatrixSnapshot.Info::step, Collectors.toList())));
        assertEquals(3, perMatrix.size(), perMatrix.toString());
        perMatrix.forEach((name, at) -> {
            assertTrue(at.size() <= SNAPSHOTS + 1, name + ": " + at);
            assertTrue(at.contains(last.step()), name + " at the last step: " + at);
        });
        long bytes = Files.size(dataDir.resolve("factlab.mv.db"));
        assertTrue(bytes < MAX_DATABASE_BYTES, "database of " + bytes + " bytes");
    }
}
