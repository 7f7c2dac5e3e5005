package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A PyTorch training loop (Debian's python3-torch) reports to the test server through
 * {@code clients/python/factlab_client.py}: every checkpoint's layer-1 FACT relative error and Pearson correlation
 * match the float64 values the script computes itself; the example of docs/api.md runs as written; what the client
 * cannot send is spooled without an exception and sent later by {@code factlab_client.py sync}; bad checkpoints and
 * scalars are refused with 400 naming the field.
 */
@LabIntegrationTest(properties = LabIntegrationTest.OWN_DATASETS)
@SlowTest
class FollowClientTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @LocalServerPort
    int port;

    @Value("${factlab.datasets-dir}")
    Path datasets;

    @TempDir
    Path work;

    @Test
    void everyCheckpointOfAPytorchLoopMatchesItsFloat64Reference() throws Exception {
        FollowedLab lab = new FollowedLab(port);
        Followed followed = follow(lab, "src/test/python/follow_loop.py", 4);
        assertEquals("follow", followed.run().get("kind").asText());
        followed.assertMatchesReference(Map.of(
                "relerr", "layer1/fact/relerr",
                "pearson", "layer1/fact/pearson"));
        Map<String, TreeMap<Long, Double>> metrics = followed.metrics();
        assertEquals(4, metrics.get("log/train/loss").size(), "the logged loss of every step");
        assertEquals(4, metrics.get("layer2/sqrt_agop/cosine").size(), "every layer at every checkpoint");
        String id = followed.id();
        HttpResponse<String> matrices = lab.send("GET", "/api/runs/" + id + "/matrices", null, null);
        assertTrue(matrices.body().contains("\"step\":4"), matrices.body());
        HttpResponse<String> late =
                lab.send("PUT", "/api/runs/" + id + "/checkpoints/9", "application/octet-stream", new byte[8]);
        assertEquals(409, late.statusCode(), "a finished run takes nothing more: " + late.body());
    }

    @Test
    void aPytorchCnnFollowedLiveGetsItsConvolutionInPatchForm() throws Exception {
        Followed followed = follow(new FollowedLab(port), "src/test/python/follow_cnn_loop.py", 3);
        followed.assertMatchesReference(Map.of(
                "relerr", "layer1/fact/relerr",
                "pearson", "layer1/fact/pearson",
                "agop_cosine", "layer1/agop/cosine"));
        assertEquals(3, followed.metrics().get("layer2/fact/relerr").size(), "the dense layer after the convolution");
    }

    /** A followed run that succeeded: what the Python loop sent (with its float64 reference) and what was recorded. */
    private record Followed(String id, JsonNode run, JsonNode sent, Map<String, TreeMap<Long, Double>> metrics) {

        /**
         * Every checkpoint's recorded series equal the loop's own float64 values (1e-6).
         *
         * @param seriesByReference the reference's key → the recorded series key
         */
        void assertMatchesReference(Map<String, String> seriesByReference) {
            JsonNode reference = sent.get("reference");
            for (var checkpoint : (Iterable<Map.Entry<String, JsonNode>>) reference::fields) {
                long step = Long.parseLong(checkpoint.getKey());
                seriesByReference.forEach((key, series) -> assertEquals(
                        checkpoint.getValue().get(key).asDouble(),
                        metrics.get(series).get(step),
                        1e-6,
                        series + " at step " + step));
            }
        }
    }

    /** Runs a Python training loop that follows itself in the lab for {@code steps} checkpoints, to its end. */
    private Followed follow(FollowedLab lab, String script, int steps) throws Exception {
        String python = PythonTorch.findOrSkip();
        Path out = work.resolve("out.json");
        Path log = work.resolve("python.log");
        PythonTorch.Result result = PythonTorch.await(
                PythonTorch.start(python, log, Map.of(), script, lab.url(), out.toString(), Integer.toString(steps)),
                log);
        assertEquals(0, result.exit(), result.output());
        JsonNode sent = FollowedLab.json(Files.readString(out));
        String id = sent.get("id").asText();
        JsonNode run = lab.awaitEnd(id);
        assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
        Map<String, TreeMap<Long, Double>> metrics = lab.metrics(id);
        assertEquals(steps, sent.get("reference").size(), "a reference for every checkpoint");
        return new Followed(id, run, sent, metrics);
    }

    @Test
    void theExampleOfTheApiDocsRunsAsWritten() throws Exception {
        String python = PythonTorch.findOrSkip();
        Matcher m = Pattern.compile("<!-- follow-example -->\\s*```python\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("docs/api.md"), StandardCharsets.UTF_8));
        assertTrue(m.find(), "docs/api.md has the follow example");
        String example = m.group(1);
        assertTrue(example.lines().count() <= 20, "the example is at most 20 lines:\n" + example);
        Path script = work.resolve("example.py");
        Files.writeString(script, example);
        FollowedLab lab = new FollowedLab(port);
        Path log = work.resolve("example.log");
        PythonTorch.Result result = PythonTorch.await(
                PythonTorch.start(
                        python,
                        log,
                        Map.of(
                                "FACTLAB_URL",
                                lab.url(),
                                "PYTHONPATH",
                                ROOT.resolve("clients/python").toString()),
                        script.toString()),
                log);
        assertEquals(0, result.exit(), result.output());
        Matcher url = Pattern.compile("/runs/([a-z0-9]{16})").matcher(result.output());
        assertTrue(url.find(), "the example prints the run's URL: " + result.output());
        JsonNode run = lab.awaitEnd(url.group(1));
        assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
        Map<String, TreeMap<Long, Double>> metrics = lab.metrics(url.group(1));
        assertEquals(10, metrics.get("layer1/fact/pearson").size(), "a checkpoint per epoch: " + metrics.keySet());
        assertEquals(10, metrics.get("log/train/loss").size());
    }

    @Test
    void whatCannotBeSentIsSpooledAndSentBySync() throws Exception {
        String python = PythonTorch.findOrSkip();
        FollowedLab lab = new FollowedLab(port);
        Path spool = work.resolve("spool");
        Path out = work.resolve("spooled.json");
        Path log = work.resolve("spool.log");
        PythonTorch.Result result = PythonTorch.await(
                PythonTorch.start(
                        python,
                        log,
                        Map.of(),
                        "src/test/python/follow_spool.py",
                        lab.url(),
                        spool.toString(),
                        out.toString()),
                log);
        assertEquals(0, result.exit(), "nothing raises into the training loop: " + result.output());
        JsonNode spooled = FollowedLab.json(Files.readString(out));
        String id = spooled.get("id").asText();
        assertEquals(8, spooled.get("spooled").size(), "3 checkpoints, 3 scalars, finish and run.json: " + spooled);
        assertTrue(result.output().contains("factlab_client.py sync"), result.output());
        assertEquals("RUNNING", lab.run(id).get("status").asText());

        Path syncLog = work.resolve("sync.log");
        PythonTorch.Result sync = PythonTorch.await(
                PythonTorch.start(
                        python, syncLog, Map.of(), "clients/python/factlab_client.py", "sync", spool.toString()),
                syncLog);
        assertEquals(0, sync.exit(), sync.output());
        assertTrue(sync.output().contains("run " + id + ": everything sent"), sync.output());
        JsonNode run = lab.awaitEnd(id);
        assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
        Map<String, TreeMap<Long, Double>> metrics = lab.metrics(id);
        assertEquals(
                java.util.Set.of(1L, 2L, 3L), metrics.get("layer1/fact/relerr").keySet());
        assertEquals(3, metrics.get("log/train/loss").size());
        assertEquals(0, Files.list(spool).count(), "the spool is emptied");
    }

    @Test
    void badCheckpointsAndScalarsAreRefusedNamingTheField() throws Exception {
        FollowedLab lab = new FollowedLab(port);
        String refused = """
                {"kind": "follow", "spec": {"dataset": "no-such-table"}, "name": "refusals"}""";
        HttpResponse<String> started =
                lab.send("POST", "/api/runs", "application/json", refused.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"field\":\"dataset\""), started.body());

        Path table = work.resolve("t.csv");
        Files.writeString(table, "a,b,label\n0,1,x\n1,0,y\n1,1,x\n");
        HttpResponse<String> upload = lab.send(
                "POST",
                "/api/datasets",
                "multipart/form-data; boundary=XX",
                ("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n\r\n"
                                + Files.readString(table) + "\r\n--XX--\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, upload.statusCode(), upload.body());
        String dataset = FollowedLab.json(upload.body()).get("id").asText();
        HttpResponse<String> launched = lab.send(
                "POST",
                "/api/runs",
                "application/json",
                ("{\"kind\": \"follow\", " + "\"spec\": {\"dataset\": \"" + dataset + "\", \"probeEvery\": 0}}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, launched.statusCode());
        assertTrue(launched.body().contains("\"field\":\"probeEvery\""), launched.body());
        launched = lab.send(
                "POST",
                "/api/runs",
                "application/json",
                ("{\"kind\": \"follow\", \"spec\": {\"dataset\": \"" + dataset + "\"}}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, launched.statusCode(), launched.body());
        String id = FollowedLab.json(launched.body()).get("id").asText();

        HttpResponse<String> garbage = lab.send(
                "PUT",
                "/api/runs/" + id + "/checkpoints/1",
                "application/octet-stream",
                "not a safetensors file".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, garbage.statusCode(), garbage.body());
        assertTrue(garbage.body().contains("\"field\":\"body\""), garbage.body());
        HttpResponse<String> badStep =
                lab.send("PUT", "/api/runs/" + id + "/checkpoints/-3", "application/octet-stream", new byte[8]);
        assertEquals(400, badStep.statusCode());
        assertTrue(badStep.body().contains("\"field\":\"step\""), badStep.body());
        HttpResponse<String> badName = lab.send(
                "POST",
                "/api/runs/" + id + "/scalars",
                "application/json",
                "{\"step\": 1, \"values\": {\"a b\": 1}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, badName.statusCode());
        assertTrue(badName.body().contains("\"field\":\"values\""), badName.body());
        HttpResponse<String> notNumber = lab.send(
                "POST",
                "/api/runs/" + id + "/scalars",
                "application/json",
                "{\"step\": 1, \"values\": {\"loss\": \"low\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notNumber.statusCode());
        assertTrue(notNumber.body().contains("\"field\":\"values.loss\""), notNumber.body());
        assertEquals(
                202,
                lab.send("POST", "/api/runs/" + id + "/finish", "application/json", "{}".getBytes())
                        .statusCode());
        assertEquals("SUCCEEDED", lab.awaitEnd(id).get("status").asText());
        Path inbox = datasets.resolve("follow").resolve(id);
        assertTrue(Files.isDirectory(inbox), "finish is kept in the run's inbox");
        assertEquals(204, lab.send("DELETE", "/api/runs/" + id, null, null).statusCode());
        assertFalse(Files.exists(inbox), "deleting the run deletes its inbox");
    }
}
