package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.factlab.runs.ApiClient;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Table-driven bad input through {@code POST /api/runs}: for every field of every kind that {@code GET /api/kinds}
 * publishes (so kinds added later are covered without touching this test), values that are missing (null), of the
 * wrong JSON type, out of range, not whole, not finite and oversized; each must be answered 400 with an error
 * naming that field. Also the request's own fields, and bodies over the 1 MiB limit (413).
 */
@LabIntegrationTest
class BadInputTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String OVERSIZED_TEXT = "9".repeat(20_000);

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    private final ObjectMapper json = new ObjectMapper();

    /** One bad value for one field. */
    record Case(String kind, String field, String what, JsonNode value) {}

    @Test
    void everyBadValueOfEveryFieldOfEveryKindIsRefusedNamingTheField() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (JsonNode kind : api.json("/api/kinds")) {
            for (JsonNode field : kind.get("fields")) {
                cases.addAll(casesFor(kind.get("id").asText(), field));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            ObjectNode spec = NODES.objectNode().set(c.field(), c.value());
            ObjectNode body = NODES.objectNode().put("kind", c.kind()).set("spec", spec);
            HttpResponse<String> r = api.post("/api/runs", json.writeValueAsString(body));
            if (r.statusCode() != 400 || !namesField(r.body(), c.field())) {
                wrong.add(c.kind() + "." + c.field() + " " + c.what() + " → " + r.statusCode() + " " + cut(r.body()));
            }
        }
        System.out.println(
                "BadInputTest: " + cases.size() + " bad field values tried, " + wrong.size() + " not refused");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(cases.size() >= 12 * 40, "cases generated: " + cases.size());
        assertEquals(0L, api.json("/api/runs").size(), "nothing was queued");
    }

    @Test
    void badRequestFieldsAreRefusedNamingTheField() throws Exception {
        String[][] table = {
            {"{\"spec\":{}}", "kind"},
            {"{\"kind\":null}", "kind"},
            {"{\"kind\":\"no-such-kind\"}", "kind"},
            {"{\"kind\":[\"quadratic\"]}", "kind"},
            {"{\"kind\":\"" + OVERSIZED_TEXT + "\"}", "kind"},
            {"{\"kind\":\"quadratic\",\"preset\":\"no-such-preset\"}", "preset"},
            {"{\"kind\":\"quadratic\",\"preset\":{}}", "preset"},
            {"{\"kind\":\"quadratic\",\"name\":\"" + "n".repeat(201) + "\"}", "name"},
            {"{\"kind\":\"quadratic\",\"name\":{\"a\":1}}", "name"},
            {"{\"kind\":\"quadratic\",\"spec\":\"fast\"}", "spec"},
            {"{\"kind\":\"quadratic\",\"spec\":[1,2]}", "spec"},
            {"{\"kind\":\"quadratic\",\"spec\":{\"noSuchField\":1}}", "noSuchField"},
            {"[1,2]", "body"},
            {"{\"kind\":", "body"},
        };
        for (String[] row : table) {
            HttpResponse<String> r = api.post("/api/runs", row[0]);
            assertEquals(400, r.statusCode(), cut(row[0]) + " → " + cut(r.body()));
            assertTrue(namesField(r.body(), row[1]), cut(row[0]) + " → " + cut(r.body()));
        }
    }

    @Test
    void bodiesOverOneMebibyteAreRefused() throws Exception {
        String big = "{\"kind\":\"quadratic\",\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> declared = api.post("/api/runs", big);
        assertEquals(413, declared.statusCode(), cut(declared.body()));
        assertTrue(namesField(declared.body(), "body"), declared.body());

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), cut(streamed.body()));
        assertTrue(streamed.body().contains("at most 1048576 bytes"), streamed.body());
    }

    /** Missing, wrong-type, out-of-range, non-whole, non-finite and oversized values for one field. */
    private static List<Case> casesFor(String kind, JsonNode f) {
        String name = f.get("name").asText();
        String type = f.get("type").asText();
        List<Case> out = new ArrayList<>();
        out.add(new Case(kind, name, "missing (null)", NODES.nullNode()));
        if (type.equals("list")) {
            out.addAll(listCases(kind, name, f));
            return out;
        }
        out.add(new Case(kind, name, "a list", NODES.arrayNode().add(1)));
        out.add(new Case(kind, name, "an object", NODES.objectNode().put("value", 1)));
        out.add(new Case(kind, name, "oversized text", NODES.textNode(OVERSIZED_TEXT)));
        switch (type) {
            case "integer", "number" -> {
                out.add(new Case(kind, name, "text", NODES.textNode("abc")));
                out.add(new Case(kind, name, "a boolean", NODES.booleanNode(true)));
                out.add(new Case(kind, name, "NaN", NODES.textNode("NaN")));
                out.add(new Case(kind, name, "Infinity", NODES.textNode("-Infinity")));
                out.add(new Case(kind, name, "1e400", NODES.numberNode(new java.math.BigDecimal("1e400"))));
                out.add(new Case(
                        kind,
                        name,
                        "30-digit integer",
                        NODES.numberNode(new java.math.BigInteger("-123456789012345678901234567890"))));
                if (f.hasNonNull("min")) {
                    double min = f.get("min").asDouble();
                    out.add(new Case(kind, name, "below min", NODES.numberNode(min - Math.max(1, Math.abs(min)))));
                    if (f.get("minExclusive").asBoolean()) {
                        out.add(new Case(kind, name, "exactly the exclusive min", NODES.numberNode(min)));
                    }
                }
                if (f.hasNonNull("max")) {
                    double max = f.get("max").asDouble();
                    out.add(new Case(kind, name, "above max", NODES.numberNode(max + Math.max(1, Math.abs(max)))));
                }
                if (type.equals("integer")) {
                    out.add(new Case(
                            kind,
                            name,
                            "not whole",
                            NODES.numberNode(f.get("default").asDouble() + 0.5)));
                }
            }
            case "boolean" -> {
                out.add(new Case(kind, name, "text", NODES.textNode("maybe")));
                out.add(new Case(kind, name, "a number", NODES.numberNode(1)));
            }
            default -> {
                out.add(new Case(kind, name, "a number", NODES.numberNode(1)));
                out.add(new Case(kind, name, "a boolean", NODES.booleanNode(false)));
                if (type.equals("choice")) {
                    out.add(new Case(kind, name, "not a choice", NODES.textNode("no-such-choice")));
                    out.add(new Case(
                            kind,
                            name,
                            "a choice in upper case",
                            NODES.textNode(f.get("choices").get(0).asText().toUpperCase() + "!")));
                }
            }
        }
        return out;
    }

    /**
     * A list field (a JSON array or comma-separated text; of numbers in [min, max] when the field has a range, else of
     * text, each one of the choices when there are any): wrong container types, bad elements, too many elements.
     */
    private static List<Case> listCases(String kind, String name, JsonNode f) {
        boolean numbers =
                (f.hasNonNull("min") || f.hasNonNull("max")) && f.get("choices").isEmpty();
        List<Case> out = new ArrayList<>();
        out.add(new Case(kind, name, "an object", NODES.objectNode().put("value", 1)));
        out.add(new Case(kind, name, "a boolean", NODES.booleanNode(true)));
        out.add(new Case(kind, name, "oversized text", NODES.textNode(OVERSIZED_TEXT)));
        out.add(new Case(
                kind,
                name,
                "a nested list",
                NODES.arrayNode().add(NODES.arrayNode().add(1))));
        out.add(new Case(kind, name, "a null element", NODES.arrayNode().addNull()));
        out.add(new Case(kind, name, "an object element", NODES.arrayNode().add(NODES.objectNode())));
        out.add(new Case(kind, name, "a boolean element", NODES.arrayNode().add(false)));
        ArrayNode tooMany = NODES.arrayNode();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add(numbers ? NODES.numberNode(f.get("default").get(0).asDouble()) : NODES.textNode("x"));
        }
        out.add(new Case(kind, name, "1001 elements", tooMany));
        if (numbers) {
            out.add(new Case(kind, name, "a text element", NODES.arrayNode().add("abc")));
            out.add(new Case(kind, name, "a NaN element", NODES.arrayNode().add("NaN")));
            if (f.hasNonNull("min")) {
                double min = f.get("min").asDouble();
                out.add(new Case(
                        kind, name, "an element below min", NODES.arrayNode().add(min - Math.max(1, Math.abs(min)))));
            }
            if (f.hasNonNull("max")) {
                double max = f.get("max").asDouble();
                out.add(new Case(
                        kind, name, "an element above max", NODES.arrayNode().add(max + Math.max(1, Math.abs(max)))));
            }
        } else {
            out.add(new Case(kind, name, "a number element", NODES.arrayNode().add(1)));
            if (!f.get("choices").isEmpty()) {
                out.add(new Case(
                        kind, name, "an element not a choice", NODES.arrayNode().add("no-such-choice")));
            }
        }
        return out;
    }

    private static boolean namesField(String body, String field) {
        try {
            for (JsonNode e : ApiClient.parse(body).get("errors")) {
                if (e.get("field").asText().equals(field)
                        && !e.get("message").asText().isBlank()) {
                    return true;
                }
            }
            return false;
        } catch (Exception notJson) {
            return false;
        }
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
