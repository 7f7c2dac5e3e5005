package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.seriesColors;
import static org.factlab.ui.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.factlab.experiments.sweep.SeedStats;
import org.factlab.ui.study.StudyCells;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The study page's plot in a real browser: a 2 × 2 study of the quadratic quick preset (τ × width, two seeds each)
 * plots fact/cosine against τ with a line per width and an error bar per point whose ends are mean ± sample std of
 * the runs' own summaries (computed here from {@code GET /api/runs/{id}}); its table shows those cells as
 * "mean ± std (n)" and only the kind's headline values; comparing the runs labels the curves by width and τ only.
 * Also: "Launch a study" opens the sweep editor, and the system page shows human units and a versions table.
 */
class StudyPlotBrowserTest extends BrowserTestBase {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);
    private static final String KEY = "fact/cosine";
    private static final List<Double> TAUS = List.of(0.02, 0.05);
    private static final List<Integer> WIDTHS = List.of(5, 10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStudyPagePlotsItsHeadlineValueWithErrorBarsAndShowsMeanStdCells() throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/studies")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"kind\":\"quadratic\",\"preset\":\"quick\",\"name\":\"plot study\",\"seeds\":2,"
                                        + "\"spec\":{\"iterations\":20000,\"evalEvery\":5000},"
                                        + "\"sweep\":{\"tau\":[0.02,0.05],\"width\":[5,10]}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String studyId = json.readTree(created.body()).get("id").asText();

        WebDriver driver = newBrowser(tempDir, "study-plot");
        try {
            driver.get(url("/studies/" + studyId));
            waitFor(
                    driver,
                    FIRST_PAGE_TIMEOUT,
                    d -> d.findElements(By.id("study-status")).isEmpty() ? null : true);
            waitFor(
                    driver,
                    RUN_TIMEOUT,
                    d -> "SUCCEEDED".equals(d.findElement(By.id("study-status")).getDomAttribute("data-status"))
                            ? true
                            : null);
            JsonNode study = json.readTree(get("/api/studies/" + studyId));
            Map<List<Object>, List<Double>> values =
                    new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            List<String> runIds = new ArrayList<>();
            for (JsonNode id : study.get("runIds")) {
                JsonNode run = json.readTree(get("/api/runs/" + id.asText()));
                runIds.add(id.asText());
                values.computeIfAbsent(
                                List.of(
                                        run.get("spec").get("tau").asDouble(),
                                        run.get("spec").get("width").asInt()),
                                k -> new ArrayList<>())
                        .add(run.get("summary").get(KEY).asDouble());
            }
            assertEquals(8, runIds.size());

            List<List<Double>> expectedBars = new ArrayList<>();
            for (int line = 0; line < WIDTHS.size(); line++) {
                for (double tau : TAUS) {
                    List<Double> seeds = values.get(List.of(tau, WIDTHS.get(line)));
                    double mean = (seeds.get(0) + seeds.get(1)) / 2;
                    double std = Math.abs(seeds.get(0) - seeds.get(1)) / Math.sqrt(2); // sample std of two values
                    expectedBars.add(List.of((double) line, tau, mean - std, mean + std));
                }
            }
            List<List<Double>> drawn = waitFor(driver, PAGE_TIMEOUT, d -> {
                List<List<Double>> bars = errorBars(d, "study-plot-" + KEY);
                return bars.size() == 4 ? bars : null;
            });
            for (int i = 0; i < 4; i++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(expectedBars.get(i).get(c), drawn.get(i).get(c), 1e-12, "bar " + i + " part " + c);
                }
            }
            assertEquals(
                    2L,
                    ((JavascriptExecutor) driver)
                            .executeScript(
                                    "return document.getElementById(arguments[0]).lineCount();", "study-plot-" + KEY));
            List<String> header = tableHeader(driver);
            assertEquals(
                    List.of(
                            "τ",
                            "width",
                            "cosine similarity of FACT with WᵀW",
                            "cosine similarity of AGOP with WᵀW",
                            "cosine similarity of √AGOP with WᵀW",
                            "‖∇θ Lλ‖ at the end"),
                    header,
                    "the kind's headline values by default, not every column, as the paper writes them");
            List<String> first = tableRow(driver, 0);
            List<Double> cell = values.get(List.of(0.02, 5));
            SeedStats stats = SeedStats.of(cell);
            assertEquals(List.of("0.02", "5"), first.subList(0, 2));
            assertEquals(StudyCells.format(stats.mean(), stats.std(), 2), first.get(2));
            assertTrue(first.get(2).matches("[-0-9.e]+ ± [0-9.e-]+ \\(2\\)"), first.get(2));

            driver.get(url("/compare?runs=" + String.join(",", runIds) + "&series=" + KEY));
            Map<String, String> curves = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<String, String> colours = seriesColors(d, "compare-chart-" + KEY);
                return colours.size() == 12 ? colours : null;
            });
            assertTrue(
                    curves.keySet()
                            .containsAll(Set.of(
                                    "width = 5, τ = 0.02 (mean of 2 runs)", "width = 10, τ = 0.05 (mean of 2 runs)")),
                    "the swept fields only, in the spec's order: " + curves.keySet());
            String svg = driver.findElement(By.id("compare-svg-" + KEY)).getDomAttribute("href");
            assertTrue(svg.startsWith("/api/compare/chart.svg?"), svg);
            assertTrue(get(svg).contains("width = 10, τ = 0.05 (mean of 2 runs)"));

            driver.get(url("/studies"));
            click(waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElements(By.id("launch-study")).isEmpty()
                            ? null
                            : d.findElement(By.id("launch-study"))));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> !d.findElements(By.cssSelector("vaadin-details#sweep[opened]"))
                                    .isEmpty()
                            ? true
                            : null);

            driver.get(url("/system"));
            String system = waitFor(driver, PAGE_TIMEOUT, d -> {
                String text = (String) ((JavascriptExecutor) d).executeScript("""
                        const grids = ['system', 'system-versions'].map(id => document.getElementById(id));
                        if (grids.some(g => !g)) { return null; }
                        return grids.map(g => [...g.querySelectorAll('vaadin-grid-cell-content')]
                            .map(c => c.textContent.trim()).join('|')).join('\\n');""");
                return text != null && text.contains("GiB") && text.contains("java") ? text : null;
            });
            assertTrue(!system.contains("null") && !system.contains("{") && !system.contains("Bytes"), system);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "study-plot");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** The plot's error bars as [line, x, low, high], read through the element's test hook. */
    private static List<List<Double>> errorBars(WebDriver driver, String plotId) {
        List<?> raw = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const plot = document.getElementById(arguments[0]);
                return plot && typeof plot.errorBars === 'function' ? plot.errorBars() : [];""", plotId);
        return raw.stream()
                .map(bar -> ((List<?>) bar)
                        .stream().map(v -> ((Number) v).doubleValue()).toList())
                .toList();
    }

    private static List<String> tableHeader(WebDriver driver) {
        List<?> cells = (List<?>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return [...document.querySelectorAll('#study-table th')].map(th => th.textContent.trim());");
        return cells.stream().map(String::valueOf).toList();
    }

    private static List<String> tableRow(WebDriver driver, int row) {
        List<?> cells = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const rows = document.querySelectorAll('#study-table tbody tr');
                return rows.length > arguments[0] ? [...rows[arguments[0]].children].map(td => td.textContent.trim())
                        : [];""", row);
        return cells.stream().map(String::valueOf).toList();
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
