package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of docs/testing.md's table: a server in a child JVM with a 1 GiB heap, a {@code .csv.gz} of a few
 * hundred KB that unpacks to about 150 MB, a tabular run of it with {@code maxRows = 2000}. The table is streamed and
 * sampled while read, so the run ends and {@code GET /api/runs} answers within 2 s every second, during the run and
 * after.
 */
@SlowTest
class HugeTableTest {

    private static final long UNPACKED_BYTES = 150L * 1024 * 1024;
    private static final long MAX_ANSWER_MILLIS = 2000;

    @TempDir
    Path dir;

    @Test
    void aHugeTableIsSampledWhileReadAndTheServerKeepsAnswering() throws Exception {
        Path datasets = Files.createDirectories(dir.resolve("datasets/huge"));
        long packed = writeHugeTable(datasets.resolve("huge.csv.gz"));
        try (ChildServer server = ChildServer.start(
                dir.resolve("server.log"),
                List.of("-Xmx1g"),
                List.of(
                        "--factlab.data-dir=" + dir.resolve("db"),
                        "--factlab.datasets-dir=" + dir.resolve("datasets"),
                        "--factlab.cpu-threads=1"))) {
            ApiClient api = new ApiClient(server.port());
            long launched = System.nanoTime();
            String id = api.launch("{\"kind\":\"tabular\",\"spec\":{\"folder\":\"huge\",\"datasets\":[],"
                    + "\"maxRows\":2000,"
                    + "\"methods\":[\"kernel\"],\"folds\":2,\"regs\":[1],\"iterations\":0}}");
            long slowest = 0;
            JsonNode run = null;
            int afterEnd = 0;
            while (afterEnd < 3) {
                long start = System.nanoTime();
                HttpResponse<String> r = api.get("/api/runs");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(millis < MAX_ANSWER_MILLIS, "GET /api/runs took " + millis + " ms");
                slowest = Math.max(slowest, millis);
                run = api.json("/api/runs/" + id);
                if (isTerminal(run.get("status").asText())) {
                    afterEnd++;
                }
                assertTrue(System.nanoTime() - launched < 150_000_000_000L, "the run did not end in 150 s: " + run);
                Thread.sleep(1000);
            }
            double seconds = (System.nanoTime() - launched) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "HugeTableTest: %.0f KB packed, %d MB unpacked; run %s in about %.0f s; "
                            + "slowest GET /api/runs %d ms%n",
                    packed / 1024.0,
                    UNPACKED_BYTES >> 20,
                    run.get("status").asText(),
                    seconds,
                    slowest);
            assertEquals("SUCCEEDED", run.get("status").asText(), run + "\n" + server.output());
            assertEquals(2000.0, run.get("summary").get("dataset/huge/rows").asDouble(), run.toString());
        }
    }

    /** Writes a gzip CSV of 60 rows repeated (8 numeric features, 3 classes) that unpacks to about 150 MB. */
    private static long writeHugeTable(Path file) throws IOException {
        StringBuilder block = new StringBuilder();
        for (int line = 0; block.length() < 1 << 20; line++) {
            int i = line % 60;
            int c = i % 3;
            block.append(String.format(
                    Locale.ROOT,
                    "%d.5,%d.25,%d.125,%d,%d.75,%d,%d.5,%d,class%d%n",
                    i % 17,
                    c,
                    i % 5,
                    c * 2,
                    i % 7,
                    i % 11,
                    c,
                    i % 13,
                    c));
        }
        byte[] bytes = block.toString().getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long written = 0; written < UNPACKED_BYTES; written += bytes.length) {
                out.write(bytes);
            }
        }
        return Files.size(file);
    }

    private static boolean isTerminal(String status) {
        return List.of("SUCCEEDED", "FAILED", "CANCELLED", "DIVERGED", "INTERRUPTED")
                .contains(status);
    }
}
