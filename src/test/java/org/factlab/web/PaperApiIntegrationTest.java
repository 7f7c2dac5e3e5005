package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.factlab.experiments.tabular.TabularSeries;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code GET /api/paper} and the figure downloads end to end on a fresh database: every card listed and not run
 * yet, Figure 4 launched, then its card carries the run, its values and the badge; the run's matrix and chart
 * download as valid SVG with a colour bar and a legend, and as PNG at twice the size, also under a share link;
 * the scatter figures (Figure 7, the tabular scatter) and a compare chart download the same way.
 */
@LabIntegrationTest
class PaperApiIntegrationTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** A quick quadratic run up to its τ, to which the value and the closing braces are appended. */
    private static final String QUICK_QUADRATIC =
            "{\"kind\":\"quadratic\",\"preset\":\"quick\",\"spec\":{\"iterations\":20000,\"tau\":";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePaperPageListsEveryFigureAndFigure4TurnsDiffersWithThePapersNumberBesideTheRuns() throws Exception {
        JsonNode paper = json.readTree(get("/api/paper").body());
        List<String> ids = new ArrayList<>();
        paper.forEach(card -> ids.add(card.get("id").asText()));
        assertEquals(
                List.of(
                        "fig1", "fig3", "fig4", "fig5", "fig6", "fig7", "fig8", "fig9-10", "fig11", "table1", "table2",
                        "table3"),
                ids);
        for (JsonNode card : paper) {
            for (String field : List.of(
                    "title",
                    "caption",
                    "kind",
                    "preset",
                    "studyPreset",
                    "cpuSeconds",
                    "gpuScale",
                    "values",
                    "latest")) {
                assertTrue(card.has(field), card.get("id") + " has " + field);
            }
            assertEquals("not run yet", card.get("latest").get("verdict").asText(), "fresh database");
        }
        JsonNode fig4 = card(paper, "fig4");
        assertEquals("quadratic", fig4.get("kind").asText());
        assertEquals("fig4", fig4.get("preset").asText());
        assertEquals(0.994, value(fig4, "fact/cosine").get("paper").asDouble());
        assertEquals("=", value(fig4, "fact/cosine").get("relation").asText());
        assertEquals("<", value(fig4, "agop/cosine").get("relation").asText(), "printed as < 0.068");
        assertEquals(1.0, value(fig4, "fact/cosine").get("reference").asDouble());
        assertTrue(card(paper, "table1").get("gpuScale").asBoolean());
        assertTrue(card(paper, "table2").get("values").get(0).get("paper").isNumber());

        JsonNode kinds = json.readTree(get("/api/kinds").body());
        JsonNode fig4Preset = preset(kinds, "quadratic", "fig4");
        assertEquals(0.08, fig4Preset.get("expected").get("agop/cosine").asDouble(), "expected stays as it was");
        JsonNode agop = find(fig4Preset.get("values"), "series", "agop/cosine");
        assertEquals(0.068, agop.get("paper").asDouble());
        assertEquals(0.08, agop.get("reference").asDouble());
        assertTrue(agop.get("note").asText().contains("< 0.068"));
        assertTrue(
                find(preset(kinds, "parity", "quick").get("values"), "series", "test/accuracy")
                        .get("paper")
                        .isNull(),
                "the paper prints no number for it");

        String id = launch("{\"kind\":\"quadratic\",\"preset\":\"fig4\"}");
        JsonNode run = waitForSuccess(id);
        JsonNode latest = card(json.readTree(get("/api/paper").body()), "fig4").get("latest");
        assertEquals(id, latest.get("runId").asText());
        assertFalse(latest.has("studyId"));
        assertEquals(
                run.get("summary").get("agop/cosine").asDouble(),
                latest.get("values").get("agop/cosine").asDouble());
        assertEquals("differs", latest.get("verdict").asText(), "cos(AGOP) ≈ 0.082 against the printed < 0.068");

        matrixFigures(id);
        chartFigures(id);
    }

    private void matrixFigures(String id) throws Exception {
        HttpResponse<String> svg = get("/api/runs/" + id + "/matrices/WtW.svg?step=300000");
        assertEquals(200, svg.statusCode(), svg.body());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertEquals(
                "attachment; filename=\"factlab-" + id + "-WtW-step300000.svg\"",
                svg.headers().firstValue("Content-Disposition").orElse(""));
        Document doc = parse(svg.body());
        List<String> bar = texts(group(doc, "colour-bar"));
        assertEquals(5, bar.size(), "the colour bar's values");
        assertTrue(texts(doc.getDocumentElement()).contains("WᵀW · run " + id + " · step 300000"));
        assertEquals(
                16, group(doc, "cells").getElementsByTagNameNS(SVG_NS, "rect").getLength(), "4 × 4 cells");

        HttpResponse<byte[]> png = http.send(
                request("/api/runs/" + id + "/matrices/FACT.png").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertTrue(png.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .contains("factlab-" + id + "-FACT-step300000.png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(1080, image.getWidth(), "2× the SVG's 540");
    }

    private void chartFigures(String id) throws Exception {
        JsonNode groups = json.readTree(get("/api/runs/" + id + "/charts").body());
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(g.asText()));
        assertTrue(names.containsAll(List.of("cosine", "pearson", "training")), names.toString());
        HttpResponse<String> svg = get("/api/runs/" + id + "/charts/cosine.svg?step=150000");
        assertEquals(200, svg.statusCode(), svg.body());
        assertEquals(
                "attachment; filename=\"factlab-" + id + "-cosine-step150000.svg\"",
                svg.headers().firstValue("Content-Disposition").orElse(""));
        Document doc = parse(svg.body());
        assertEquals(
                List.of("FACT", "AGOP", "√AGOP", "eNFA"),
                texts(group(doc, "legend")),
                "as the paper writes them, in the run page's order and so in its colours");
        assertTrue(texts(group(doc, "axes")).containsAll(List.of("step", "cosine similarity")));
        assertTrue(
                texts(doc.getDocumentElement()).contains("cosine similarity with WᵀW · run " + id + " · step 150000"));
        assertEquals(404, get("/api/runs/" + id + "/charts/nothing.svg").statusCode());

        HttpResponse<String> share = http.send(
                request("/api/runs/" + id + "/share")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, share.statusCode(), share.body());
        String link = json.readTree(share.body()).get("url").asText();
        HttpResponse<byte[]> png =
                http.send(request(link + "/charts/pearson.png").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode(), "a shared run's chart without an account");
        assertEquals(1520, ImageIO.read(new ByteArrayInputStream(png.body())).getWidth(), "2× the SVG's 760");
    }

    /**
     * The scatter and compare figures through HTTP: a parity run's Figure 7 (a dot per recorded pair, the paper's
     * axis names), a tabular run's accuracy scatter (a dot per dataset and FACT variant), both listed by
     * {@code /api/runs/{id}/figures} and as PNG at twice the SVG's size, also under a share link; and two quadratic
     * runs compared as one figure with a curve per run labelled by the field in which they differ.
     */
    @Test
    void figure7TabularScatterAndCompareChartDownloadAsSvgAndPng() throws Exception {
        String parity = launch("{\"kind\":\"parity\",\"preset\":\"quick\"}");
        String tabular = launch("{\"kind\":\"tabular\",\"preset\":\"quick\"}");
        String first = launch(QUICK_QUADRATIC + "0.02}}");
        String second = launch(QUICK_QUADRATIC + "0.05}}");
        for (String id : List.of(parity, tabular, first, second)) {
            waitForSuccess(id);
        }

        JsonNode listed = json.readTree(get("/api/runs/" + parity + "/figures").body());
        assertEquals(1, listed.size(), listed.toString());
        assertEquals("figure7", listed.get(0).get("name").asText());
        assertEquals(
                "/api/runs/" + parity + "/figures/figure7.svg",
                listed.get(0).get("svg").asText());
        JsonNode pairs = json.readTree(get("/api/runs/" + parity + "/matrices").body());
        int pairCount = -1;
        for (JsonNode m : pairs) {
            if ("tau_kprime_pairs".equals(m.get("name").asText())) {
                pairCount = m.get("rows").asInt();
            }
        }
        assertTrue(pairCount > 0, pairs.toString());
        HttpResponse<String> figure7 = get(listed.get(0).get("svg").asText());
        assertEquals(200, figure7.statusCode(), figure7.body());
        assertEquals(
                "attachment; filename=\"factlab-" + parity + "-figure7.svg\"",
                figure7.headers().firstValue("Content-Disposition").orElse(""));
        Document doc = parse(figure7.body());
        assertEquals(
                pairCount,
                group(doc, "points").getElementsByTagNameNS(SVG_NS, "circle").getLength());
        assertTrue(texts(group(doc, "axes")).containsAll(List.of("k′(xᵢᵀMxⱼ)", "τ(xᵢ, xⱼ, M)")));
        assertEquals(
                1,
                group(doc, "curves").getElementsByTagNameNS(SVG_NS, "polyline").getLength(),
                "the fit");
        assertTwiceAsLarge(doc, "/api/runs/" + parity + "/figures/figure7.png");

        JsonNode tabularFigures =
                json.readTree(get("/api/runs/" + tabular + "/figures").body());
        assertEquals("tabular-scatter", tabularFigures.get(0).get("name").asText(), tabularFigures.toString());
        Document scatter = parse(
                get("/api/runs/" + tabular + "/figures/tabular-scatter.svg").body());
        assertEquals(
                2 * 2,
                group(scatter, "points")
                        .getElementsByTagNameNS(SVG_NS, "circle")
                        .getLength(),
                "iris and wine × FACT-RFM and its geometric variant");
        assertTrue(texts(group(scatter, "axes")).contains(TabularSeries.title("nfa") + " test accuracy"));
        assertEquals(404, get("/api/runs/" + tabular + "/figures/figure7.svg").statusCode(), "no pairs recorded");
        assertEquals(
                404,
                get("/api/runs/" + parity + "/figures/tabular-scatter.svg").statusCode(),
                "the parity kind declares no results table");
        HttpResponse<String> share = http.send(
                request("/api/runs/" + tabular + "/share")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, share.statusCode(), share.body());
        String link = json.readTree(share.body()).get("url").asText();
        assertTwiceAsLarge(scatter, link + "/figures/tabular-scatter.png");

        String query = "?runs=" + first + "," + second + "&series="
                + URLEncoder.encode("fact/cosine", StandardCharsets.UTF_8) + "&groupBy=none";
        Document compared = parse(get("/api/compare/chart.svg" + query).body());
        assertEquals(
                List.of("τ = 0.02", "τ = 0.05"),
                texts(group(compared, "legend")),
                "labelled by the one field in which the runs differ");
        assertEquals(
                2,
                group(compared, "curves")
                        .getElementsByTagNameNS(SVG_NS, "polyline")
                        .getLength());
        List<String> axes = texts(group(compared, "axes"));
        assertTrue(axes.containsAll(List.of("step", "cosine similarity of FACT with WᵀW", "0", "1")), axes.toString());
        assertTwiceAsLarge(compared, "/api/compare/chart.png" + query);
        assertEquals(400, get("/api/compare/chart.svg?runs=nosuchrun&series=x").statusCode());
    }

    private void assertTwiceAsLarge(Document svg, String pngPath) throws Exception {
        HttpResponse<byte[]> png = http.send(request(pngPath).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode(), pngPath);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(2 * Integer.parseInt(svg.getDocumentElement().getAttribute("width")), image.getWidth());
        assertEquals(2 * Integer.parseInt(svg.getDocumentElement().getAttribute("height")), image.getHeight());
    }

    private static JsonNode card(JsonNode paper, String id) {
        return find(paper, "id", id);
    }

    private static JsonNode value(JsonNode card, String series) {
        return find(card.get("values"), "series", series);
    }

    private static JsonNode preset(JsonNode kinds, String kind, String preset) {
        return find(find(kinds, "id", kind).get("presets"), "id", preset);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(SVG_NS, doc.getDocumentElement().getNamespaceURI());
        return doc;
    }

    private static Element group(Document doc, String id) {
        NodeList groups = doc.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            if (id.equals(((Element) groups.item(i)).getAttribute("id"))) {
                return (Element) groups.item(i);
            }
        }
        throw new AssertionError("no group " + id);
    }

    private static List<String> texts(Element e) {
        NodeList nodes = e.getElementsByTagNameNS(SVG_NS, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private String launch(String body) throws Exception {
        HttpResponse<String> r = http.send(
                request("/api/runs")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return json.readTree(r.body()).get("id").asText();
    }

    private JsonNode waitForSuccess(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode run;
        do {
            run = json.readTree(get("/api/runs/" + id).body());
            if (run.get("status").asText().equals("SUCCEEDED")) {
                return run;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + id + " did not succeed: " + run);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
