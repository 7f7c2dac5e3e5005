package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** The REST API of one FACT Lab instance, as a script would call it. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any method; {@code body} may be null. */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON answer of a GET, whatever its status. */
    public JsonNode getJson(String path) throws Exception {
        return JSON.readTree(get(path).body());
    }

    public JsonNode readTree(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Polls {@code path} until its JSON satisfies {@code done} (at most {@code seconds}). */
    public JsonNode await(String path, Predicate<JsonNode> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        JsonNode node;
        do {
            node = getJson(path);
            if (done.test(node)) {
                return node;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " did not reach the expected state in " + seconds + " s: " + node);
    }

    public JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Launches a run from a {@code POST /api/runs} body and returns its id. */
    public String launch(String body) throws Exception {
        HttpResponse<String> r = post("/api/runs", body);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Waits up to a minute for a run to reach {@code status} and returns it. */
    public JsonNode awaitStatus(String id, String status) throws Exception {
        JsonNode[] run = new JsonNode[1];
        await("run " + id + " reaching " + status, Duration.ofSeconds(60), () -> {
            try {
                run[0] = json("/api/runs/" + id);
                return run[0].get("status").asText().equals(status);
            } catch (Exception | AssertionError notYet) {
                return false;
            }
        });
        return run[0];
    }

    public static JsonNode parse(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Polls {@code condition} every 50 ms until it holds, failing after {@code limit}. */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }
}
