package org.factlab.web;

import static org.factlab.runs.TestKindsConfig.LONG_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.coyote.AbstractProtocol;
import org.factlab.runs.ApiClient;
import org.factlab.runs.RunService;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Login off (the default), over HTTP: the server listens on the loopback interface only, refuses foreign
 * {@code Host} names and cross-site form posts; tabular folders stay inside the datasets directory and never leak
 * file content or absolute paths; launch bodies refuse unknown keys and cap their error lists; names and notes
 * refuse control and bidi-override characters; answers carry a Content-Security-Policy; a run that exhausts the heap
 * ends FAILED saying so ({@link RunTimeLimitTest}: a run past {@code factlab.quota.max-run-time}).
 */
@LabIntegrationTest
class OpenLabSecurityTest {

    private static final String SECRET = "TOPSECRET-4711";
    private static final String QUICK_TABULAR =
            "\"datasets\":[],\"methods\":[\"kernel\"],\"folds\":2,\"regs\":[1]," + "\"iterations\":0";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path datasets = Files.createDirectories(home.resolve("datasets"));
        Path outside = Files.createDirectories(home.resolve("outside"));
        Files.writeString(outside.resolve("private.csv"), SECRET + ",1\n2,3\n4,5\n");
        Files.createDirectories(datasets.resolve("mine"));
        Files.writeString(datasets.resolve("mine/tiny.csv"), "1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n");
        Files.createSymbolicLink(datasets.resolve("escape"), outside);
        Files.createSymbolicLink(datasets.resolve("dangling"), home.resolve("no-such-folder"));
        Path leaky = Files.createDirectories(datasets.resolve("leaky"));
        Files.writeString(leaky.resolve("secret.arff"), SECRET + "\n@data\n1\n");
        Files.writeString(leaky.resolve("fine.csv"), "1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n");
        Files.createSymbolicLink(leaky.resolve("linked.csv"), outside.resolve("private.csv"));
        registry.add("factlab.datasets-dir", datasets::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    RunService runs;

    @Test
    void withLoginOffTheServerListensOnTheLoopbackInterfaceOnly() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        InetAddress address =
                ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler()).getAddress();
        assertTrue(address != null && address.isLoopbackAddress(), "bound to " + address);
    }

    @Test
    void foldersOutsideTheDatasetsDirectoryAreRefusedAtLaunchWithoutSayingWhatExists() throws Exception {
        List<String> messages = new ArrayList<>();
        for (String folder : List.of(
                "/etc",
                "/root/.ssh",
                "/no/such/folder",
                "../../../../etc",
                "mine/../../outside",
                "escape",
                "escape/sub",
                "dangling",
                "..")) {
            HttpResponse<String> r = api.post("/api/runs", tabular(folder, ""));
            assertEquals(400, r.statusCode(), folder + " → " + r.body());
            JsonNode error = api.readTree(r.body()).get("errors").get(0);
            assertEquals("folder", error.get("field").asText(), r.body());
            messages.add(error.get("message").asText().replaceFirst(Pattern.quote("'" + folder + "'"), "<folder>"));
        }
        assertEquals(1, messages.stream().distinct().count(), "one message whatever exists: " + messages);
        assertFalse(messages.get(0).contains("exist"), messages.get(0));
        assertEquals(201, api.post("/api/runs", tabular("mine", "")).statusCode(), "a folder inside is fine");
    }

    @Test
    void tableErrorsNameTheFileRelativeToTheDatasetsDirectoryAndNeverItsContent() throws Exception {
        String id = api.launch(tabular("leaky", ""));
        JsonNode run = awaitEnd(api, id);
        String linked = api.launch(tabular("leaky", ",\"datasets\":[\"linked\",\"fine\"]"));
        JsonNode linkedRun = awaitEnd(api, linked);
        String everything = run
                + String.join("\n", runs.notes(id))
                + String.join("\n", runs.notes(linked))
                + api.get("/api/runs/" + id + "/tabular.csv").body()
                + api.get("/api/runs/" + id + "/metrics.csv").body()
                + linkedRun
                + api.get("/api/runs/" + linked + "/tabular.csv").body()
                + api.get("/api/runs.csv").body();
        assertTrue(everything.contains("leaky/secret.arff:1"), everything);
        assertTrue(everything.contains("no dataset 'linked'"), "a file linked from outside is not a dataset");
        assertFalse(everything.contains(SECRET), everything);
        assertFalse(everything.contains(home.toString()), "no absolute path: " + everything);
        assertFalse(everything.contains(home.toRealPath().toString()), "no absolute path: " + everything);
    }

    @Test
    void foreignHostNamesAreRefused() throws Exception {
        assertEquals(403, statusFor("evil.example"));
        assertEquals(403, statusFor("evil.example:" + port));
        assertEquals(200, statusFor("localhost:" + port));
        assertEquals(200, statusFor("127.0.0.1:" + port));
        assertEquals(200, statusFor("[::1]:" + port));
    }

    @Test
    void aCrossSiteFormCannotCancelARunButAJsonCallOrASameOriginPageCan() throws Exception {
        String id = api.launch(LONG_RUN);
        HttpClient http = HttpClient.newHttpClient();
        URI cancel = URI.create("http://localhost:" + port + "/api/runs/" + id + "/cancel");
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(cancel)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, form.statusCode(), form.body());
        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(cancel)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, plain.statusCode(), plain.body());
        HttpResponse<String> jsonFromElsewhere = http.send(
                HttpRequest.newBuilder(cancel)
                        .header("Content-Type", "application/json")
                        .header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, jsonFromElsewhere.statusCode(), jsonFromElsewhere.body());
        assertFalse(api.json("/api/runs/" + id).get("status").asText().equals("CANCELLED"));
        HttpResponse<String> sameOrigin = http.send(
                HttpRequest.newBuilder(cancel)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://localhost:" + port)
                        .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
        api.awaitStatus(id, "CANCELLED");
    }

    @Test
    void unknownTopLevelKeysAreRefusedNamingThem() throws Exception {
        HttpResponse<String> run = api.post("/api/runs", "{\"kind\":\"test-scripted\",\"nmae\":\"x\"}");
        assertEquals(400, run.statusCode(), run.body());
        assertEquals(
                "nmae",
                api.readTree(run.body()).get("errors").get(0).get("field").asText(),
                run.body());
        HttpResponse<String> study =
                api.post("/api/studies", "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3,4]},\"seedz\":2}");
        assertEquals(400, study.statusCode(), study.body());
        assertEquals(
                "seedz",
                api.readTree(study.body()).get("errors").get(0).get("field").asText(),
                study.body());
        assertEquals(
                201,
                api.post(
                                "/api/studies",
                                "{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"sweep\":"
                                        + "{\"steps\":[3,4]},\"seeds\":1,\"name\":\"n\",\"notes\":\"line one\\nline "
                                        + "two\"}")
                        .statusCode());
    }

    @Test
    void theErrorListIsCappedWithACount() throws Exception {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            spec.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        HttpResponse<String> r = api.post("/api/runs", "{\"kind\":\"test-scripted\",\"spec\":{" + spec + "}}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().length() < 20_000, "answer of " + r.body().length() + " characters");
        JsonNode errors = api.readTree(r.body()).get("errors");
        assertEquals(ApiErrors.MAX_ERRORS + 1, errors.size());
        assertTrue(errors.get(ApiErrors.MAX_ERRORS).get("message").asText().contains("59900 more"), r.body());
    }

    @Test
    void controlAndBidiOverrideCharactersAreRefusedInNamesAndNotes() throws Exception {
        String[][] cases = {
            {"/api/runs", "{\"kind\":\"test-scripted\",\"name\":\"invoice\\u202Etxt.exe\"}", "name"},
            {"/api/runs", "{\"kind\":\"test-scripted\",\"name\":\"bell\\u0007\"}", "name"},
            {"/api/runs", "{\"kind\":\"test-scripted\",\"name\":\"two\\nlines\"}", "name"},
            {"/api/studies", "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3]},\"name\":\"a\\u2067b\"}", "name"},
            {"/api/studies", "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3]},\"notes\":\"a\\u0085b\"}", "notes"},
            {"/api/studies", "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3]},\"notes\":\"a\\u202Ab\"}", "notes"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.post(c[0], c[1]);
            assertEquals(400, r.statusCode(), c[1] + " → " + r.body());
            assertEquals(
                    c[2],
                    api.readTree(r.body()).get("errors").get(0).get("field").asText(),
                    r.body());
        }
    }

    @Test
    void pagesAndAnswersCarryAContentSecurityPolicy() throws Exception {
        for (String path : List.of("/", "/api/runs")) {
            String csp = api.get(path)
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("object-src 'none'"), path + ": " + csp);
        }
    }

    @Test
    void aRunThatExhaustsTheHeapEndsFailedWithAClearMessageAndTheServerAnswers() throws Exception {
        String id = api.launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":10,\"oomAt\":3}}");
        JsonNode run = api.awaitStatus(id, "FAILED");
        assertTrue(run.get("error").asText().startsWith("the run ran out of memory"), run.toString());
        assertEquals(200, api.get("/api/runs").statusCode());
        assertEquals(201, api.post("/api/runs", "{\"kind\":\"test-scripted\"}").statusCode());
    }

    private JsonNode awaitEnd(ApiClient api, String id) throws Exception {
        return api.await(
                "/api/runs/" + id,
                r -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                        .contains(r.get("status").asText()),
                120);
    }

    private static String tabular(String folder, String more) {
        return "{\"kind\":\"tabular\",\"spec\":{\"folder\":\"" + folder + "\"," + QUICK_TABULAR + more + "}}";
    }

    /** The status of {@code GET /api/runs} sent with this {@code Host} header (a raw request: clients fix Host). */
    private int statusFor(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/runs HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
