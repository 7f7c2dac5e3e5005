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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With login on, the Python client authenticates with {@code FACTLAB_TOKEN}: a researcher's token follows a PyTorch
 * loop to the end (the run is theirs); a viewer's token is refused at {@code start} (403, the only place the client
 * raises).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowTokenTest {

    private static final String[][] ACCOUNTS = {
        {"rita", "researcher-pass", "researcher"},
        {"vera", "viewer-pass", "viewer"},
    };

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        AccountsClient.register(registry, dataDir, ACCOUNTS);
        registry.add("factlab.datasets-dir", () -> dataDir.resolve("datasets").toString());
    }

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    private String token(AccountsClient accounts, String account) throws Exception {
        HttpResponse<String> r = accounts.send(account, "POST", "/api/tokens", "{\"name\": \"client\"}");
        assertEquals(201, r.statusCode(), r.body());
        return accounts.readTree(r.body()).get("token").asText();
    }

    @Test
    void aResearchersTokenFollowsALoopAndAViewersIsRefusedAtStart() throws Exception {
        String python = PythonTorch.findOrSkip();
        AccountsClient accounts = new AccountsClient(port, ACCOUNTS);
        String url = "http://localhost:" + port;

        Path viewerLog = work.resolve("viewer.log");
        PythonTorch.Result refused = PythonTorch.await(PythonTorch.start(python, viewerLog,
                Map.of("FACTLAB_TOKEN", token(accounts, "vera")), "src/test/python/follow_loop.py", url,
                work.resolve("viewer.json").toString(), "1"), viewerLog);
        assertNotEquals(0, refused.exit());
        assertTrue(refused.output().contains("FactlabError") && refused.output().contains("403"), refused.output());

        Path log = work.resolve("researcher.log");
        Path out = work.resolve("researcher.json");
        PythonTorch.Result result = PythonTorch.await(PythonTorch.start(python, log,
                Map.of("FACTLAB_TOKEN", token(accounts, "rita")), "src/test/python/follow_loop.py", url,
                out.toString(), "2"), log);
        assertEquals(0, result.exit(), result.output());
        String id = FollowedLab.json(Files.readString(out)).get("id").asText();
        JsonNode run = accounts.get("rita", "/api/runs/" + id);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!run.get("status").asText().equals("SUCCEEDED") && !run.get("status").asText().equals("FAILED")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = accounts.get("rita", "/api/runs/" + id);
        }
        assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
        assertEquals("rita", run.get("owner").asText());
        assertEquals(200, accounts.send("vera", "GET", "/api/runs/" + id + "/metrics.csv", null).statusCode());
        assertEquals(403, accounts.send("vera", "POST", "/api/runs/" + id + "/finish", "{}").statusCode(),
                "only the owner (or an admin) feeds a run");
    }
}
