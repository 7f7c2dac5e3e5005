package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.FactLabApplication;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lab restarts between two checkpoints of a PyTorch loop (on the same port, database and datasets folder): the
 * client retries the second checkpoint while the lab is down, the interrupted run is queued again when it arrives,
 * and the finished run has both checkpoints analysed, matching the script's float64 values.
 */
@SlowTest
class FollowRestartTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext lab(int port) {
        return new SpringApplicationBuilder(FactLabApplication.class)
                .run(
                        "--server.port=" + port,
                        "--factlab.data-dir=" + dir,
                        "--factlab.datasets-dir=" + dir.resolve("datasets"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRestartBetweenTwoCheckpointsLosesNone() throws Exception {
        String python = PythonTorch.findOrSkip();
        int port = freePort();
        FollowedLab lab = new FollowedLab(port);
        Path gate = dir.resolve("gate");
        Path out = dir.resolve("out.json");
        Path log = dir.resolve("python.log");
        Process client;
        String id;
        try (ConfigurableApplicationContext first = lab(port)) {
            client = PythonTorch.start(
                    python,
                    log,
                    Map.of("FACTLAB_SPOOL", dir.resolve("spool").toString()),
                    "src/test/python/follow_loop.py",
                    lab.url(),
                    out.toString(),
                    "2",
                    gate.toString());
            id = awaitFirstAnalysis(lab, log);
        }
        Files.createFile(gate);
        try (ConfigurableApplicationContext second = lab(port)) {
            PythonTorch.Result result = PythonTorch.await(client, log);
            assertEquals(0, result.exit(), result.output());
            JsonNode run = lab.awaitEnd(id);
            assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
            JsonNode reference = FollowedLab.json(Files.readString(out)).get("reference");
            TreeMap<Long, Double> relerr = lab.metrics(id).get("layer1/fact/relerr");
            assertEquals(2, relerr.size(), "both checkpoints analysed: " + relerr);
            for (long step = 1; step <= 2; step++) {
                assertEquals(reference.get(Long.toString(step)).get("relerr").asDouble(), relerr.get(step), 1e-6);
            }
        }
    }

    /** The follow run's id once its step 1 is analysed (at most 5 minutes). */
    private static String awaitFirstAnalysis(FollowedLab lab, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode runs = FollowedLab.json(
                    lab.send("GET", "/api/runs?kind=follow", null, null).body());
            if (runs.size() == 1) {
                String id = runs.get(0).get("id").asText();
                TreeMap<Long, Double> pearson = lab.metrics(id).get("layer1/fact/pearson");
                if (pearson != null && pearson.containsKey(1L)) {
                    return id;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("step 1 was not analysed in 5 minutes; client:\n" + Files.readString(log));
    }
}
