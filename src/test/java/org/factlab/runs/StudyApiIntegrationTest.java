package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Studies through the REST API on a fresh H2 database: launch, progress, results table, validation, cancel. */
@LabIntegrationTest(properties = "factlab.studies.max-runs=" + StudyApiIntegrationTest.CAP)
class StudyApiIntegrationTest {

    static final int CAP = 12;

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    @Test
    void threeQuickParityRunsEndInATableOfTheirSummaries() throws Exception {
        JsonNode study = launchAndFinish(
                "{\"kind\":\"parity\",\"preset\":\"quick\",\"name\":\"n sweep\","
                        + "\"spec\":{\"iterations\":1},\"sweep\":{\"n\":[200,300,400]}}",
                3);
        assertEquals("SUCCEEDED", study.get("status").asText());
        assertEquals("n sweep", study.get("name").asText());
        assertEquals("parity", study.get("kind").asText());

        List<Map<String, String>> rows =
                csv(api.send("GET", "/api/studies/" + study.get("id").asText() + "/table.csv", null)
                        .body());
        assertEquals(3, rows.size());
        JsonNode runIds = study.get("runIds");
        for (int i = 0; i < 3; i++) {
            JsonNode run = api.getJson("/api/runs/" + runIds.get(i).asText());
            Map<String, String> row = rows.get(i);
            assertEquals(run.get("spec").get("n").asText(), row.get("n"), "setting order = run order");
            assertEquals(List.of(200, 300, 400).get(i), run.get("spec").get("n").asInt());
            JsonNode summary = run.get("summary");
            assertTrue(summary.size() > 5, summary.toString());
            summary.fields().forEachRemaining(e -> {
                assertEquals(e.getValue().asDouble(), Double.parseDouble(row.get(e.getKey() + ".mean")), e.getKey());
                assertEquals("", row.get(e.getKey() + ".std"), "one seed: no std");
                assertEquals("1", row.get(e.getKey() + ".n"));
            });
        }
    }

    @Test
    void seedsAreAggregatedAndThePivotTurnsValuesIntoColumns() throws Exception {
        JsonNode study = launchAndFinish(
                "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":{\"from\":3,\"to\":4,"
                        + "\"steps\":2}},\"seeds\":3,\"spec\":{\"seed\":10}}",
                6);
        String id = study.get("id").asText();
        List<Long> seeds = new ArrayList<>();
        for (JsonNode runId : study.get("runIds")) {
            seeds.add(api.getJson("/api/runs/" + runId.asText()).get("seed").asLong());
        }
        assertEquals(List.of(10L, 11L, 12L, 10L, 11L, 12L), seeds);

        List<Map<String, String>> rows =
                csv(api.send("GET", "/api/studies/" + id + "/table.csv", null).body());
        assertEquals("3", rows.get(0).get("steps"));
        assertEquals(4.0, Double.parseDouble(rows.get(0).get("y.mean")), "y = (steps − 1)² at the last step");
        assertEquals(0.0, Double.parseDouble(rows.get(0).get("y.std")));
        assertEquals("3", rows.get(0).get("y.n"));
        assertEquals(9.0, Double.parseDouble(rows.get(1).get("y.mean")));

        List<Map<String, String>> pivot =
                csv(api.send("GET", "/api/studies/" + id + "/table.csv?pivot=steps&keys=x,y", null)
                        .body());
        assertEquals(2, pivot.size());
        assertEquals("x", pivot.get(0).get("key"));
        assertEquals(2.0, Double.parseDouble(pivot.get(0).get("steps=3 mean")));
        assertEquals(3.0, Double.parseDouble(pivot.get(0).get("steps=4 mean")));
        assertEquals(9.0, Double.parseDouble(pivot.get(1).get("steps=4 mean")));
        assertEquals(
                400,
                api.send("GET", "/api/studies/" + id + "/table.csv?pivot=colour", null)
                        .statusCode());
        plotsAsFigures(id);
    }

    /**
     * The plot of y against steps as SVG: one line through the two settings' means, a point and an error bar
     * (± std over the 3 seeds) at each, the paper-style axis names; the PNG is the same figure at 2×.
     */
    private void plotsAsFigures(String id) throws Exception {
        HttpResponse<String> svg = api.send("GET", "/api/studies/" + id + "/plot.svg?value=y&field=steps", null);
        assertEquals(200, svg.statusCode(), svg.body());
        assertTrue(svg.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagName("g");
        int lines = -1;
        int points = -1;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("id").equals("curves")) {
                lines = g.getElementsByTagName("polyline").getLength();
            } else if (g.getAttribute("id").equals("points")) {
                points = g.getElementsByTagName("circle").getLength();
            }
        }
        assertEquals(1 + 2, lines, "the line through the means and one error bar per setting");
        assertEquals(2, points, "a point per setting");
        assertTrue(svg.body().contains(">steps<"), "the swept field names the x axis");
        HttpResponse<byte[]> png = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/studies/" + id + "/plot.png?value=y"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertTrue(image.getHeight() >= 800, "drawn at 2× (the figure is 440 px high): " + image.getHeight());
        assertEquals(
                400,
                api.send("GET", "/api/studies/" + id + "/plot.svg?value=nope", null)
                        .statusCode());
        assertEquals(
                400,
                api.send("GET", "/api/studies/" + id + "/plot.svg?value=y&field=colour", null)
                        .statusCode());
    }

    @Test
    void badStudiesAreRefusedWithFieldErrors() throws Exception {
        assertError(
                refused("{\"kind\":\"parity\",\"preset\":\"quick\",\"sweep\":{\"colour\":[1]}}"),
                "sweep.colour",
                "unknown field");
        assertError(
                refused("{\"kind\":\"parity\",\"preset\":\"quick\",\"sweep\":{\"n\":[200,1]}}"),
                "sweep.n",
                "1 is out of range");
        assertError(
                refused("{\"kind\":\"parity\",\"preset\":\"quick\",\"sweep\":{\"n\":[200,300,400]},\"seeds\":5}"),
                "sweep",
                "expands to 15 runs (3 settings × 5 seeds); allowed: at most 12 runs");
        assertError(
                refused("{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[5,1000000]}}"),
                "spec",
                "setting steps=1000000: estimated memory");
        assertError(refused("{\"sweep\":{}}"), "kind", "is required");
        JsonNode presets = api.getJson("/api/study-presets");
        for (JsonNode p : presets) {
            if (!p.get("available").asBoolean()) {
                assertError(
                        refused("{\"preset\":\"" + p.get("id").asText() + "\"}"),
                        "preset",
                        "needs the experiment kind '" + p.get("kind").asText() + "'");
            }
        }
        assertEquals(404, api.send("GET", "/api/studies/nope", null).statusCode());
    }

    @Test
    void cancellingAStudyCancelsTheRunsLeft() throws Exception {
        HttpResponse<String> r = api.send(
                "POST",
                "/api/studies",
                "{\"kind\":\"test-scripted\",\"spec\":{\"steps\":100000,\"sleepMs\":5},\"seeds\":3}");
        assertEquals(201, r.statusCode(), r.body());
        String id = api.readTree(r.body()).get("id").asText();
        api.await("/api/studies/" + id, s -> s.get("status").asText().equals("RUNNING"), 10);
        JsonNode firstRun = api.getJson("/api/runs/"
                + api.getJson("/api/studies/" + id).get("runIds").get(0).asText());
        api.await(
                "/api/runs/" + firstRun.get("id").asText(),
                run -> run.get("status").asText().equals("RUNNING"),
                30);

        assertEquals(
                200, api.send("POST", "/api/studies/" + id + "/cancel", null).statusCode());
        JsonNode study =
                api.await("/api/studies/" + id, s -> s.get("status").asText().equals("CANCELLED"), 30);
        assertEquals(3, study.get("done").asInt());
        for (JsonNode runId : study.get("runIds")) {
            assertEquals(
                    "CANCELLED",
                    api.getJson("/api/runs/" + runId.asText()).get("status").asText());
        }
        assertEquals(
                409, api.send("POST", "/api/studies/" + id + "/cancel", null).statusCode());
    }

    private JsonNode launchAndFinish(String body, int runs) throws Exception {
        HttpResponse<String> r = api.send("POST", "/api/studies", body);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode created = api.readTree(r.body());
        String id = created.get("id").asText();
        assertEquals("/studies/" + id, created.get("url").asText());
        assertEquals(runs, created.get("runs").asInt());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/studies/" + id));
        JsonNode study =
                api.await("/api/studies/" + id, s -> !s.get("status").asText().equals("RUNNING"), 120);
        assertEquals(runs, study.get("total").asInt());
        assertEquals(runs, study.get("done").asInt());
        assertEquals(runs, study.get("runIds").size());
        return study;
    }

    private JsonNode refused(String body) throws Exception {
        HttpResponse<String> r = api.send("POST", "/api/studies", body);
        assertEquals(400, r.statusCode(), r.body());
        return api.readTree(r.body()).get("errors");
    }

    private static void assertError(JsonNode errors, String field, String part) {
        for (JsonNode e : errors) {
            if (e.get("field").asText().equals(field)
                    && e.get("message").asText().contains(part)) {
                return;
            }
        }
        throw new AssertionError("no error on " + field + " saying '" + part + "' in " + errors);
    }

    /** The rows of a CSV without quoted cells, keyed by the header. */
    private static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
