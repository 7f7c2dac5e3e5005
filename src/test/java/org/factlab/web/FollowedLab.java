package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A lab with login off as the follow tests read it over REST: a run's status and its metrics by series and step. */
final class FollowedLab {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    FollowedLab(int port) {
        this.base = "http://localhost:" + port;
    }

    String url() {
        return base;
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Requested-With", "test")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode run(String id) throws Exception {
        HttpResponse<String> r = send("GET", "/api/runs/" + id, null, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Waits (up to 5 minutes) until the run has ended; its final state. */
    JsonNode awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode run = run(id);
        while (!isEnded(run) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = run(id);
        }
        return run;
    }

    private static boolean isEnded(JsonNode run) {
        String s = run.get("status").asText();
        return !s.equals("QUEUED") && !s.equals("RUNNING");
    }

    /** Series → step → value, from {@code metrics.csv}. */
    Map<String, TreeMap<Long, Double>> metrics(String id) throws Exception {
        HttpResponse<String> r = send("GET", "/api/runs/" + id + "/metrics.csv", null, null);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, TreeMap<Long, Double>> out = new HashMap<>();
        for (String line : r.body().split("\r\n")) {
            String[] f = line.split(",");
            if (f.length == 3 && !f[0].equals("series")) {
                out.computeIfAbsent(f[0], k -> new TreeMap<>()).put(Long.parseLong(f[1]), Double.parseDouble(f[2]));
            }
        }
        return out;
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
