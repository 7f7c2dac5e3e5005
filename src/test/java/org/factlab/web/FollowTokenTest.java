package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.factlab.runs.AccountsClient;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With login on, the Python client authenticates with {@code FACTLAB_TOKEN}: a researcher's token follows a PyTorch
 * loop to the end (the run is theirs); a viewer's token is refused at {@code start} (403, the only place the client
 * raises).
 */
@LabIntegrationTest(properties = {"factlab.auth.enabled=true", LabIntegrationTest.OWN_DATASETS})
@SlowTest
class FollowTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountsClient accounts;

    @TempDir
    Path work;

    private String token(String account) throws Exception {
        HttpResponse<String> r = accounts.send(account, "POST", "/api/tokens", "{\"name\": \"client\"}");
        assertEquals(201, r.statusCode(), r.body());
        return accounts.readTree(r.body()).get("token").asText();
    }

    @Test
    void aResearchersTokenFollowsALoopAndAViewersIsRefusedAtStart() throws Exception {
        String python = PythonTorch.findOrSkip();
        String url = "http://localhost:" + port;

        Path viewerLog = work.resolve("viewer.log");
        PythonTorch.Result refused = PythonTorch.await(
                PythonTorch.start(
                        python,
                        viewerLog,
                        Map.of("FACTLAB_TOKEN", token("vera")),
                        "src/test/python/follow_loop.py",
                        url,
                        work.resolve("viewer.json").toString(),
                        "1"),
                viewerLog);
        assertNotEquals(0, refused.exit());
        assertTrue(refused.output().contains("FactlabError") && refused.output().contains("403"), refused.output());

        Path log = work.resolve("researcher.log");
        Path out = work.resolve("researcher.json");
        PythonTorch.Result result = PythonTorch.await(
                PythonTorch.start(
                        python,
                        log,
                        Map.of("FACTLAB_TOKEN", token("rita")),
                        "src/test/python/follow_loop.py",
                        url,
                        out.toString(),
                        "2"),
                log);
        assertEquals(0, result.exit(), result.output());
        String id = FollowedLab.json(Files.readString(out)).get("id").asText();
        JsonNode run = accounts.get("rita", "/api/runs/" + id);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!run.get("status").asText().equals("SUCCEEDED")
                && !run.get("status").asText().equals("FAILED")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = accounts.get("rita", "/api/runs/" + id);
        }
        assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
        assertEquals("rita", run.get("owner").asText());
        assertEquals(
                200,
                accounts.send("vera", "GET", "/api/runs/" + id + "/metrics.csv", null)
                        .statusCode());
        assertEquals(
                403,
                accounts.send("vera", "POST", "/api/runs/" + id + "/finish", "{}")
                        .statusCode(),
                "only the owner (or an admin) feeds a run");
    }
}
