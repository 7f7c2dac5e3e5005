package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Managing runs and studies over HTTP on a fresh H2 database (login off: everyone may do everything): delete (every
 * page, download and share link of the run then answers 404), rename, notes and tags, relaunch, the list's filters,
 * studies renamed and deleted, and JSON answers for unknown API paths and methods.
 */
@LabIntegrationTest
class RunManagementIntegrationTest {

    private static final String TINY = "{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"name\":\"tiny\"}";
    private static final String LONG =
            "{\"kind\":\"test-scripted\",\"name\":\"long\"," + "\"spec\":{\"steps\":100000,\"sleepMs\":5}}";

    @Autowired
    ApiClient api;

    @Test
    void aDeletedRunIsGoneFromEveryPageDownloadAndShareLink() throws Exception {
        String id = api.launch(TINY);
        api.awaitStatus(id, "SUCCEEDED");
        String share = api.readTree(api.post("/api/runs/" + id + "/share", "").body())
                .get("url")
                .asText();
        List<String> paths = List.of(
                "/api/runs/" + id,
                "/api/runs/" + id + "/metrics.csv",
                "/api/runs/" + id + "/matrices",
                "/api/runs/" + id + "/matrices/M.csv",
                "/api/runs/" + id + "/matrices/M.png?step=2",
                "/runs/" + id,
                share,
                share + "/metrics.csv",
                share + "/matrices/M.csv",
                share + "/matrices/M.png");
        for (String path : paths) {
            assertEquals(200, api.get(path).statusCode(), "before: " + path);
        }
        assertTrue(api.get("/api/runs.csv").body().contains(id));

        HttpResponse<String> deleted = api.send("DELETE", "/api/runs/" + id, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        for (String path : paths) {
            assertEquals(404, api.get(path).statusCode(), "after: " + path);
        }
        assertFalse(api.get("/api/runs.csv").body().contains(id), "it leaves runs.csv");
        assertFalse(api.get("/api/runs").body().contains(id), "and the list");
        assertEquals(404, api.send("DELETE", "/api/runs/" + id, null).statusCode(), "deleting twice");
    }

    @Test
    void queuedAndRunningRunsAreCancelledThenDeletedAndTheWorkerGoesOn() throws Exception {
        String running = api.launch(LONG);
        api.awaitStatus(running, "RUNNING");
        String queued = api.launch(LONG);
        assertEquals("QUEUED", api.json("/api/runs/" + queued).get("status").asText(), "one worker: it waits");

        assertEquals(204, api.send("DELETE", "/api/runs/" + queued, null).statusCode());
        assertEquals(404, api.get("/api/runs/" + queued).statusCode());
        assertEquals(204, api.send("DELETE", "/api/runs/" + running, null).statusCode());
        assertEquals(404, api.get("/api/runs/" + running).statusCode());
        assertEquals(404, api.get("/api/runs/" + running + "/metrics.csv").statusCode());

        String next = api.launch(TINY);
        assertEquals(
                4.0, api.awaitStatus(next, "SUCCEEDED").get("summary").get("x").asDouble(), "the worker is free");
    }

    @Test
    void patchSetsNameNotesAndTagsAndRefusesBadValuesNamingTheField() throws Exception {
        String id = api.launch(TINY);
        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/runs/" + id,
                "{\"name\":\"  renamed  \",\"notes\":\"**bold** idea\",\"tags\":[\"fig4\",\"keep-me\",\"FIG4\"]}");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonNode run = api.readTree(patched.body());
        assertEquals("renamed", run.get("name").asText());
        assertEquals("**bold** idea", run.get("notes").asText());
        assertEquals(List.of("fig4", "keep-me"), texts(run.get("tags")), "duplicates ignoring case dropped");
        for (String field : List.of("id", "kind", "preset", "status", "spec", "seed", "summary", "url", "owner")) {
            assertTrue(run.has(field), "every field of GET /api/runs/{id}: " + field);
        }
        JsonNode stored = api.json("/api/runs/" + id);
        for (String field : List.of("name", "notes", "tags", "spec", "kind", "createdAt")) {
            assertEquals(stored.get(field), run.get(field), "PATCH answers the stored run: " + field);
        }

        JsonNode onlyTags = api.readTree(
                api.send("PATCH", "/api/runs/" + id, "{\"tags\":\"a, b c\"}").body());
        assertEquals("renamed", onlyTags.get("name").asText(), "absent fields stay");
        assertEquals("**bold** idea", onlyTags.get("notes").asText());
        assertEquals(List.of("a", "b", "c"), texts(onlyTags.get("tags")));
        JsonNode cleared = api.readTree(api.send("PATCH", "/api/runs/" + id, "{\"notes\":null,\"tags\":[]}")
                .body());
        assertTrue(cleared.get("notes").isNull());
        assertEquals(List.of(), texts(cleared.get("tags")));

        assertRefused("PATCH", "/api/runs/" + id, "{\"name\":\"\"}", "name", "1–200 characters");
        assertRefused("PATCH", "/api/runs/" + id, "{\"name\":\"" + "n".repeat(201) + "\"}", "name", "1–200 characters");
        assertRefused("PATCH", "/api/runs/" + id, "{\"name\":\"two\\nlines\"}", "name", "control character");
        assertRefused("PATCH", "/api/runs/" + id, "{\"tags\":[\"not ok!\"]}", "tags", "letters, digits");
        assertRefused("PATCH", "/api/runs/" + id, "{\"tags\":[\"" + "t".repeat(33) + "\"]}", "tags", "1–32");
        assertRefused("PATCH", "/api/runs/" + id, "{\"tags\":\"a b c d e f g h i j k\"}", "tags", "at most 10");
        assertRefused("PATCH", "/api/runs/" + id, "{\"tags\":[1]}", "tags", "not a word");
        assertRefused(
                "PATCH", "/api/runs/" + id, "{\"notes\":\"" + "x".repeat(20_001) + "\"}", "notes", "at most 20000");
        assertRefused(
                "PATCH",
                "/api/runs/" + id,
                "{\"colour\":\"red\",\"name\":\"ok\"}",
                "colour",
                "allowed: name, notes, tags");
        assertEquals("renamed", api.json("/api/runs/" + id).get("name").asText(), "a refused PATCH changes nothing");
        assertEquals(
                404,
                api.send("PATCH", "/api/runs/nosuchrun", "{\"name\":\"x\"}").statusCode());
    }

    @Test
    void relaunchStartsTheSameSpecWithOverrides() throws Exception {
        String id = api.launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"name\":\"original\","
                + "\"spec\":{\"steps\":6,\"seed\":3}}");
        api.awaitStatus(id, "SUCCEEDED");
        api.send("PATCH", "/api/runs/" + id, "{\"tags\":[\"fig4\"]}");
        JsonNode original = api.json("/api/runs/" + id);

        HttpResponse<String> again = api.post("/api/runs/" + id + "/relaunch", "");
        assertEquals(201, again.statusCode(), again.body());
        JsonNode launched = api.readTree(again.body());
        String copy = launched.get("id").asText();
        assertEquals("/runs/" + copy, launched.get("url").asText());
        assertTrue(again.headers().firstValue("Location").orElseThrow().endsWith("/runs/" + copy));
        JsonNode copied = api.awaitStatus(copy, "SUCCEEDED");
        assertEquals(original.get("spec"), copied.get("spec"));
        assertEquals("tiny", copied.get("preset").asText());
        assertEquals("original (again)", copied.get("name").asText(), "a relaunch is named for what it is");
        assertEquals(original.get("tags"), copied.get("tags"), "and keeps the tags");
        HttpResponse<String> twice = api.post("/api/runs/" + copy + "/relaunch", "");
        String third = api.readTree(twice.body()).get("id").asText();
        assertEquals(
                "original (again 2)", api.json("/api/runs/" + third).get("name").asText());
        assertEquals(original.get("summary"), copied.get("summary"), "the same spec gives the same results");

        HttpResponse<String> edited =
                api.post("/api/runs/" + id + "/relaunch", "{\"spec\":{\"steps\":8},\"name\":\"eight steps\"}");
        assertEquals(201, edited.statusCode(), edited.body());
        JsonNode eight = api.awaitStatus(api.readTree(edited.body()).get("id").asText(), "SUCCEEDED");
        assertEquals(8, eight.get("spec").get("steps").asInt());
        assertEquals(3, eight.get("spec").get("seed").asInt(), "fields not overridden are the original's");
        assertEquals("eight steps", eight.get("name").asText());
        assertEquals(7.0, eight.get("summary").get("x").asDouble());

        assertRefused("POST", "/api/runs/" + id + "/relaunch", "{\"spec\":{\"steps\":0}}", "steps", "[1, 1000000]");
        assertRefused("POST", "/api/runs/" + id + "/relaunch", "{\"spek\":{}}", "spek", "allowed: name, spec");
        assertEquals(404, api.post("/api/runs/nosuchrun/relaunch", "").statusCode());
    }

    @Test
    void theListFiltersByKindStatusTagPresetTextSpecAndSummary() throws Exception {
        String a = api.launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"name\":\"filter alpha\","
                + "\"spec\":{\"steps\":3}}");
        String b = api.launch("{\"kind\":\"test-scripted\",\"name\":\"filter beta\",\"spec\":{\"steps\":9}}");
        api.awaitStatus(a, "SUCCEEDED");
        api.awaitStatus(b, "SUCCEEDED");
        api.send("PATCH", "/api/runs/" + a, "{\"tags\":[\"keep\",\"fig4\"],\"notes\":\"Converged nicely\"}");
        api.send("PATCH", "/api/runs/" + b, "{\"tags\":[\"keep\"]}");
        String c = api.launch(LONG);
        api.awaitStatus(c, "RUNNING");

        assertEquals(Set.of(a, b), ids("/api/runs?tag=keep"));
        assertEquals(Set.of(a), ids("/api/runs?tag=keep&tag=FIG4"), "every tag, ignoring case");
        assertEquals(Set.of(a), ids("/api/runs?tag=keep&preset=tiny&kind=test-scripted"));
        assertEquals(Set.of(c), ids("/api/runs?kind=test-scripted&status=running"));
        assertEquals(Set.of(a), ids("/api/runs?q=converged"), "q searches the notes");
        assertEquals(Set.of(a, b), ids("/api/runs?q=FILTER"), "and the names");
        assertEquals(Set.of(b), ids("/api/runs?spec.steps=9"));
        assertEquals(Set.of(b), ids("/api/runs?tag=keep&kind=test-scripted&summary.x.min=8"));
        assertEquals(Set.of(a), ids("/api/runs?tag=keep&summary.x.min=2&summary.x.max=2.0"), "bounds are inclusive");
        assertEquals(Set.of(), ids("/api/runs?summary.nosuchkey.min=0"), "runs without the value are left out");
        assertTrue(ids("/api/runs?kind=&tag=&q=").containsAll(Set.of(a, b, c)), "blank values filter nothing");

        HttpResponse<String> unknown = api.get("/api/runs?colour=red&kind=x&spec.colour=1");
        assertEquals(400, unknown.statusCode());
        assertEquals(List.of("colour", "spec.colour"), fields(unknown), unknown.body());
        assertTrue(unknown.body().contains("allowed: kind, status, tag, preset, q, spec.<field>"), unknown.body());
        assertRefused("GET", "/api/runs?summary.x.min=lots", null, "summary.x.min", "a finite number");
        assertRefused("GET", "/api/runs?status=done", null, "status", "SUCCEEDED");
        api.send("DELETE", "/api/runs/" + c, null);
    }

    @Test
    void aStudyKeepsARowForADeletedRunAndIsRenamedAndDeletedWithItsRuns() throws Exception {
        HttpResponse<String> launched = api.post(
                "/api/studies", "{\"kind\":\"test-scripted\",\"name\":\"three\"," + "\"sweep\":{\"steps\":[3,4,5]}}");
        assertEquals(201, launched.statusCode(), launched.body());
        String id = api.readTree(launched.body()).get("id").asText();
        JsonNode study = api.await(
                "/api/studies/" + id, s -> "SUCCEEDED".equals(s.path("status").asText()), 60);
        List<String> runs = texts(study.get("runIds"));
        String share = api.readTree(
                        api.post("/api/studies/" + id + "/share", "").body())
                .get("url")
                .asText();
        String runShare = api.readTree(
                        api.post("/api/runs/" + runs.get(0) + "/share", "").body())
                .get("url")
                .asText();

        assertEquals(204, api.send("DELETE", "/api/runs/" + runs.get(1), null).statusCode());
        JsonNode after = api.json("/api/studies/" + id);
        assertEquals(List.of(runs.get(0), runs.get(2)), texts(after.get("runIds")));
        assertEquals(2, after.get("total").asInt());
        assertEquals("SUCCEEDED", after.get("status").asText());
        JsonNode row = after.get("deletedRuns").get(0);
        assertEquals(runs.get(1), row.get("id").asText());
        assertEquals(1, row.get("setting").asInt());
        assertTrue(row.get("name").asText().startsWith("three · steps = 4"), row.toString());
        List<List<String>> table = api.get("/api/studies/" + id + "/table.csv")
                .body()
                .lines()
                .map(l -> List.of(l.split(",", -1)))
                .toList();
        int n = table.get(0).indexOf("x.n");
        assertEquals(
                List.of("1", "0", "1"),
                table.subList(1, 4).stream().map(cells -> cells.get(n)).toList(),
                "the deleted run's setting has no results left");

        HttpResponse<String> renamed = api.send("PATCH", "/api/studies/" + id, "{\"name\":\"renamed study\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("renamed study", api.json("/api/studies/" + id).get("name").asText());
        assertRefused("PATCH", "/api/studies/" + id, "{\"name\":\" \"}", "name", "1–160 characters");
        assertRefused("PATCH", "/api/studies/" + id, "{\"sweep\":{}}", "sweep", "allowed: name, notes");

        assertEquals(204, api.send("DELETE", "/api/studies/" + id, null).statusCode());
        for (String path : List.of(
                "/api/studies/" + id,
                "/studies/" + id,
                "/api/runs/" + runs.get(0),
                "/api/runs/" + runs.get(2) + "/metrics.csv",
                share,
                share + "/table.csv",
                runShare)) {
            assertEquals(404, api.get(path).statusCode(), path);
        }
        assertFalse(api.get("/api/studies").body().contains(id));
    }

    @Test
    void unknownApiPathsAndMethodsAnswerJsonErrors() throws Exception {
        for (String[] call : List.of(
                new String[] {"POST", "/api/no/such/call"},
                new String[] {"GET", "/api/nothing/here"},
                new String[] {"GET", "/api/runs/x/y/z"})) {
            HttpResponse<String> r = api.send(call[0], call[1], "{}");
            assertEquals(404, r.statusCode(), call[1]);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), call[1]);
            assertTrue(
                    api.readTree(r.body())
                            .get("errors")
                            .get(0)
                            .get("message")
                            .asText()
                            .contains(call[1]),
                    r.body());
        }
        HttpResponse<String> wrong = api.send("DELETE", "/api/kinds", null);
        assertEquals(405, wrong.statusCode());
        assertEquals("GET", wrong.headers().firstValue("Allow").orElseThrow());
        assertTrue(wrong.body().contains("DELETE is not allowed on /api/kinds; allowed: GET"), wrong.body());
        HttpResponse<String> put = api.send("PUT", "/api/runs/abc", "{}");
        assertEquals(405, put.statusCode());
        assertEquals("DELETE, GET, PATCH", put.headers().firstValue("Allow").orElseThrow());
    }

    private void assertRefused(String method, String path, String body, String field, String allowed) throws Exception {
        HttpResponse<String> r = api.send(method, path, body);
        assertEquals(400, r.statusCode(), path + " " + body);
        JsonNode error = api.readTree(r.body()).get("errors").get(0);
        assertEquals(field, error.get("field").asText(), r.body());
        assertTrue(error.get("message").asText().contains(allowed), r.body());
    }

    private Set<String> ids(String path) throws Exception {
        Set<String> ids = new TreeSet<>();
        api.json(path).forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private List<String> fields(HttpResponse<String> r) throws Exception {
        List<String> fields = new ArrayList<>();
        api.readTree(r.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
