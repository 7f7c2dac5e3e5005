package org.factlab.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A JSON-over-HTTP client of a test server on localhost. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        return json.readTree(send("GET", path, null).body());
    }

    JsonNode readTree(String text) throws Exception {
        return json.readTree(text);
    }

    /** Polls {@code path} until its JSON satisfies {@code done} (at most {@code seconds}). */
    JsonNode await(String path, Predicate<JsonNode> done, int seconds) throws Exception {
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
}
