package org.factlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factlab.runs.ApiClient;
import org.factlab.runs.ChildServer;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: 50 viewers ({@link PushViewer}: real Vaadin sessions, UIs, run views and push websockets, no browser)
 * watch one live run for 60 s on a server in its own JVM (-Xmx1g, H2). Every viewer must keep receiving updates
 * (at least one per second on average, never silent for 5 s), no viewer sees an error, the server keeps
 * answering HTTP and its heap after a full GC grows by less than 128 MiB over the minute. Prints the figures
 * docs/testing.md reports. Off by default (it takes about two minutes):
 * {@code mvn test -Dtest=PushLoadTest -Dfactlab.load=true} (optionally {@code -Dfactlab.load.viewers=50
 * -Dfactlab.load.seconds=60}).
 */
@EnabledIfSystemProperty(named = "factlab.load", matches = "true")
@SlowTest
class PushLoadTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void fiftyViewersFollowOneLiveRunForAMinute() throws Exception {
        int viewerCount = Integer.getInteger("factlab.load.viewers", 50);
        int seconds = Integer.getInteger("factlab.load.seconds", 60);
        try (ChildServer server =
                ChildServer.start(dir.resolve("server.log"), List.of("-Xmx1g"), List.of("--factlab.data-dir=" + dir))) {
            ApiClient api = new ApiClient(server.port());
            String run = api.launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":100000,\"sleepMs\":50}}");
            api.awaitStatus(run, "RUNNING");
            List<PushViewer> viewers = new ArrayList<>();
            for (int i = 0; i < viewerCount; i++) {
                PushViewer viewer = new PushViewer();
                viewer.open("http://localhost:" + server.port(), run);
                viewers.add(viewer);
            }
            long heapBefore = heapAfterGc(server, api);
            long stepsBefore = progressDone(api, run);
            viewers.forEach(PushViewer::resetCounters);
            long maxHeap = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                Thread.sleep(1000);
                maxHeap = Math.max(
                        maxHeap, api.json("/api/system").get("heapUsedBytes").asLong());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long stepsDuring = progressDone(api, run) - stepsBefore;
            long heapAfter = heapAfterGc(server, api);
            double[] rates = viewers.stream()
                    .mapToDouble(v -> v.updates() / elapsed)
                    .sorted()
                    .toArray();
            long longestGapMs = viewers.stream()
                    .mapToLong(v -> v.longestGap().toMillis())
                    .max()
                    .orElse(0);
            long errors = viewers.stream().mapToLong(PushViewer::errors).sum();
            double kibPerSecond = viewers.stream().mapToLong(PushViewer::bytes).sum() / 1024.0 / elapsed / viewerCount;
            System.out.printf(
                    "PushLoadTest: %d viewers, %.0f s, run recorded %d steps (%.1f/s); updates per viewer per second "
                            + "min %.2f, median %.2f, max %.2f; longest silence %d ms; %.1f KiB/s per viewer; errors "
                            + "%d; server heap max %d MiB, after full GC %d → %d MiB (-Xmx1g)%n",
                    viewerCount,
                    elapsed,
                    stepsDuring,
                    stepsDuring / elapsed,
                    rates[0],
                    rates[rates.length / 2],
                    rates[rates.length - 1],
                    longestGapMs,
                    kibPerSecond,
                    errors,
                    maxHeap / MIB,
                    heapBefore / MIB,
                    heapAfter / MIB);
            viewers.stream()
                    .filter(v -> v.errors() > 0)
                    .findFirst()
                    .ifPresent(v -> System.out.println("first error: " + v.firstError()));
            assertEquals(0, errors, "errors seen by viewers");
            assertTrue(rates[0] >= 1.0, "every viewer gets at least one update per second: " + Arrays.toString(rates));
            assertTrue(longestGapMs < 5000, "no viewer is left without updates for 5 s: " + longestGapMs + " ms");
            assertTrue(
                    heapAfter - heapBefore < 128 * MIB,
                    "heap after GC grew from " + heapBefore / MIB + " to " + heapAfter / MIB + " MiB");
            viewers.forEach(PushViewer::close);
            assertEquals(200, api.post("/api/runs/" + run + "/cancel", "").statusCode());
        }
    }

    /** Steps the run has done (its progress is steps done / 100000). */
    private static long progressDone(ApiClient api, String run) throws Exception {
        return Math.round(api.json("/api/runs/" + run).get("progress").asDouble() * 100000);
    }

    /** Used heap of the server right after a full GC (requested with jcmd). */
    private static long heapAfterGc(ChildServer server, ApiClient api) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        assertTrue(gc.waitFor(60, TimeUnit.SECONDS) && gc.exitValue() == 0, "jcmd GC.run");
        return api.json("/api/system").get("heapUsedBytes").asLong();
    }
}
