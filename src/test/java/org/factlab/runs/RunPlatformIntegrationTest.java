package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API end to end on a fresh H2 file database: launch, validation, CSV, cancel, divergence. */
@LabIntegrationTest
class RunPlatformIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MetricRepository metrics;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void quadraticRunSucceedsAndItsSeriesAreInBothCsvs() throws Exception {
        String id = launch("{\"kind\":\"quadratic\",\"preset\":\"quick\",\"name\":\"csv check\","
                + "\"spec\":{\"iterations\":4000,\"evalEvery\":1000}}");
        JsonNode run = waitFor(id, "SUCCEEDED");
        assertEquals("quadratic", run.get("kind").asText());
        assertEquals(4000, run.get("spec").get("iterations").asInt());
        assertTrue(
                run.get("backend").asText().startsWith("CPU"),
                run.get("backend").asText());
        assertTrue(run.get("summary").has("fact/cosine"));

        String csv = get("/api/runs/" + id + "/metrics.csv").body();
        List<String> lines = csv.lines().toList();
        assertEquals("series,step,value", lines.get(0));
        for (String series : List.of(
                "fact/cosine",
                "agop/cosine",
                "sqrt_agop/cosine",
                "enfa/cosine",
                "fact/pearson",
                "loss",
                "grad_norm",
                "fact/relerr")) {
            // evaluations at steps 0, 1000, 2000, 3000, 4000
            assertEquals(
                    5, lines.stream().filter(l -> l.startsWith(series + ",")).count(), series);
        }
        assertTrue(csv.contains("\r\n"), "RFC 4180 line ends");

        String runsCsv = get("/api/runs.csv").body();
        String header = runsCsv.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("id,name,kind,status,created,"), header);
        assertTrue(header.contains(",iterations,") && header.contains("fact/cosine"), header);
        assertTrue(runsCsv.lines().anyMatch(l -> l.startsWith(id + ",csv check,quadratic,SUCCEEDED,")), runsCsv);

        JsonNode matrices = json.readTree(get("/api/runs/" + id + "/matrices").body());
        assertEquals(15, matrices.size(), "WtW, FACT, AGOP at 5 evaluations");
        HttpResponse<String> fact = get("/api/runs/" + id + "/matrices/FACT.csv?step=4000");
        assertEquals(200, fact.statusCode());
        assertEquals(4, fact.body().lines().count());
        HttpResponse<byte[]> png = http.send(
                request("/api/runs/" + id + "/matrices/WtW.png?step=0").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals((byte) 0x89, png.body()[0]);
        assertTrue(png.headers().firstValue("X-Value-Max").isPresent());
        assertEquals(404, get("/api/runs/" + id + "/matrices/FACT.csv?step=123").statusCode());
    }

    @Test
    void invalidSpecsAreRejectedWithOneErrorPerField() throws Exception {
        HttpResponse<String> r = post(
                "/api/runs",
                "{\"kind\":\"quadratic\",\"spec\":{\"width\":0,\"lambda\":-1,\"lr\":\"fast\",\"colour\":1}}");
        assertEquals(400, r.statusCode());
        JsonNode errors = json.readTree(r.body()).get("errors");
        assertEquals(4, errors.size(), r.body());
        assertError(errors, "width", "[1, 1000]");
        assertError(errors, "lambda", "(0, 10]");
        assertError(errors, "lr", "not a number");
        assertError(errors, "colour", "unknown field");

        assertError(
                json.readTree(post("/api/runs", "{\"kind\":\"nope\"}").body()).get("errors"), "kind", "quadratic");
        assertError(
                json.readTree(post("/api/runs", "{\"kind\":\"quadratic\",\"preset\":\"nope\"}")
                                .body())
                        .get("errors"),
                "preset",
                "fig4");
        assertEquals(400, post("/api/runs", "[1,2]").statusCode());
        assertEquals(404, get("/api/runs/doesnotexist").statusCode());
        assertEquals(400, get("/api/runs?status=BOGUS").statusCode());
    }

    @Test
    void cancellingARunningRunKeepsItsPoints() throws Exception {
        String id = launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":100000,\"sleepMs\":5}}");
        waitFor(id, "RUNNING");
        waitUntil(() -> metrics.count(id) >= 10);
        HttpResponse<String> cancel = post("/api/runs/" + id + "/cancel", "");
        assertEquals(200, cancel.statusCode(), cancel.body());
        waitFor(id, "CANCELLED");
        long kept = metrics.count(id);
        assertTrue(kept >= 10);
        Thread.sleep(500);
        assertEquals(kept, metrics.count(id), "nothing recorded after the run ended");
        assertEquals(409, post("/api/runs/" + id + "/cancel", "").statusCode());
    }

    @Test
    void nanEndsTheRunDivergedWithEverythingBeforeIt() throws Exception {
        String id = launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":10,\"nanAt\":4}}");
        JsonNode run = waitFor(id, "DIVERGED");
        assertTrue(
                run.get("error").asText().contains("y = NaN at step 4"),
                run.get("error").asText());
        String csv = get("/api/runs/" + id + "/metrics.csv").body();
        assertEquals(
                List.of("y,0,0", "y,1,1", "y,2,4", "y,3,9"),
                csv.lines().filter(l -> l.startsWith("y,")).toList());
        assertTrue(csv.contains("x,4,4"), "finite values of the diverging step are kept");
        assertEquals(9.0, run.get("summary").get("y").asDouble(), "summary holds the last finite value");
    }

    @Test
    void listFiltersByKindAndStatus() throws Exception {
        String id = launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\"}");
        waitFor(id, "SUCCEEDED");
        JsonNode listed = json.readTree(
                get("/api/runs?kind=test-scripted&status=succeeded").body());
        assertTrue(listed.findValuesAsText("id").contains(id));
        assertTrue(listed.findValuesAsText("kind").stream().allMatch("test-scripted"::equals));
        JsonNode none =
                json.readTree(get("/api/runs?kind=quadratic&status=QUEUED").body());
        assertTrue(none.findValuesAsText("id").stream().noneMatch(id::equals));
    }

    @Test
    void aRunOverTheMemoryBudgetIsRefusedWithItsEstimate() throws Exception {
        HttpResponse<String> r = post("/api/runs", "{\"kind\":\"test-scripted\",\"spec\":{\"steps\":1000000}}");
        assertEquals(400, r.statusCode());
        String message =
                json.readTree(r.body()).get("errors").get(0).get("message").asText();
        assertTrue(message.contains("estimated memory 9536.7 MiB exceeds the budget of 4096.0 MiB"), message);
    }

    @Test
    void aRepeatedStepReplacesItsPoints() throws Exception {
        String id = launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\"}");
        waitFor(id, "SUCCEEDED");
        long before = metrics.count(id);
        metrics.upsert(id, 2, java.util.Map.of("x", 42.0, "z", 1.0));
        assertEquals(before + 1, metrics.count(id));
        assertTrue(metrics.points(id).contains(new MetricPoint("x", 2, 42.0)));
        assertTrue(metrics.points(id).contains(new MetricPoint("z", 2, 1.0)));
        assertTrue(metrics.points(id).contains(new MetricPoint("y", 2, 4.0)), "other series untouched");
    }

    @Test
    void systemDescribesTheCpuBackendAndVersions() throws Exception {
        JsonNode system = json.readTree(get("/api/system").body());
        assertEquals("CPU", system.get("backend").asText());
        assertEquals("nd4j-native", system.get("library").asText());
        assertEquals("1.0.0-M2.1", system.get("versions").get("nd4j").asText());
        assertEquals(
                Runtime.getRuntime().availableProcessors(), system.get("cores").asInt());
        assertTrue(system.get("summary").asText().startsWith("CPU (nd4j-native"), system.toString());
    }

    private static void assertError(JsonNode errors, String field, String messagePart) {
        for (JsonNode e : errors) {
            if (e.get("field").asText().equals(field)) {
                assertTrue(e.get("message").asText().contains(messagePart), e.toString());
                return;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + errors);
    }

    private String launch(String body) throws Exception {
        HttpResponse<String> r = post("/api/runs", body);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode created = json.readTree(r.body());
        assertEquals("/runs/" + created.get("id").asText(), created.get("url").asText());
        assertEquals(
                created.get("url").asText(),
                r.headers()
                        .firstValue("Location")
                        .map(l -> URI.create(l).getPath())
                        .orElseThrow());
        return created.get("id").asText();
    }

    private JsonNode waitFor(String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode run;
        do {
            run = json.readTree(get("/api/runs/" + id).body());
            if (run.get("status").asText().equals(status)) {
                return run;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + id + " did not reach " + status + ": " + run);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(20);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
