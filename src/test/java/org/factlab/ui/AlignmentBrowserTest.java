package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.pointCount;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.status;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feature-alignment section and the four heatmaps in a real browser, for a run of the {@code layered-test}
 * kind (the names of kind {@code mlp}): the page opens while the run is held half-way, shows its first epochs per
 * method for layer 1, follows the rest live, switches to one curve per layer, and draws WᵀW, FACT, √AGOP, √eNFA at
 * the step chosen with the slider.
 */
class AlignmentBrowserTest extends BrowserTestBase {

    private static final int DEPTH = 2;
    private static final int EPOCHS = 6;
    /** The run waits before this epoch until released: epochs 1 … HOLD_AT − 1 are recorded by then. */
    private static final int HOLD_AT = 4;

    private static final int FORWARD_METHODS = LayeredTestKind.FORWARD.size();
    private static final int BACKWARD_METHODS = LayeredTestKind.BACKWARD.size();
    private static final List<String> HEATMAPS =
            LayeredTestKind.MATRICES.stream().map(m -> "heatmap-layer1/" + m).toList();

    @Autowired
    RunService runs;

    @Autowired
    LayeredTestKind kind;

    @Test
    void alignmentChartsFollowTheRunAndTheHeatmapsFollowTheSlider() throws Exception {
        Run run = runs.submit(
                "layered-test",
                null,
                Map.of("depth", DEPTH, "epochs", EPOCHS, "side", 6, "holdAt", HOLD_AT),
                "alignment browser test");
        WebDriver driver = newBrowser(tempDir, "alignment");
        try {
            driver.get(url("/runs/" + run.id()));
            int held = HOLD_AT - 1;
            waitFor(
                    driver,
                    FIRST_PAGE_TIMEOUT,
                    d -> pointCount(d, "alignment-pearson") == FORWARD_METHODS * held ? true : null);
            assertEquals("RUNNING", status(driver), "the run is held");
            assertCounts(driver, perLayerCounts(held));
            assertFalse(displayed(driver, "alignment-method"), "no method choice for one layer");
            assertTrue(
                    driver.findElements(By.id("chart-pearson")).isEmpty(),
                    "the generic panel leaves the layer-wise series to the alignment section");
            assertEquals(held, pointCount(driver, "chart-training"), "the generic panel keeps lr");

            kind.release();
            waitFor(driver, PAGE_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> pointCount(d, "alignment-pearson") == FORWARD_METHODS * EPOCHS ? true : null);
            assertCounts(driver, perLayerCounts(EPOCHS));

            choose(driver, "alignment-layer", "all layers");
            waitFor(driver, PAGE_TIMEOUT, d -> pointCount(d, "alignment-pearson") == DEPTH * EPOCHS ? true : null);
            assertTrue(displayed(driver, "alignment-method"), "method choice for all layers");
            Map<String, Long> allLayers = new LinkedHashMap<>();
            for (String chart : List.of(
                    "alignment-pearson",
                    "alignment-cosine",
                    "alignment-backward-pearson",
                    "alignment-backward-cosine",
                    "stationarity-grad_norm",
                    "stationarity-relerr")) {
                allLayers.put(chart, (long) DEPTH * EPOCHS);
            }
            assertCounts(driver, allLayers);
            choose(driver, "alignment-method", "AGOP¹ᐟᴸ");
            waitFor(driver, PAGE_TIMEOUT, d -> !displayed(d, "alignment-backward-pearson") ? true : null);
            assertEquals(DEPTH * EPOCHS, pointCount(driver, "alignment-pearson"), "AGOP^{1/L} of both layers");

            assertHeatmapsAtStep(driver, EPOCHS);
            Map<String, String> atLastStep = heatmapImages(driver);
            WebElement slider = driver.findElement(By.id("matrices-step-slider"));
            click(slider);
            slider.sendKeys(Keys.HOME, Keys.ARROW_RIGHT);
            waitFor(driver, PAGE_TIMEOUT, d -> HEATMAPS.stream().allMatch(id -> "2".equals(step(d, id))) ? true : null);
            assertHeatmapsAtStep(driver, 2);
            Map<String, String> atStep2 = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<String, String> images = heatmapImages(d);
                return HEATMAPS.stream().noneMatch(id -> images.get(id).equals(atLastStep.get(id))) ? images : null;
            });
            HEATMAPS.forEach(id -> assertNotEquals(atLastStep.get(id), atStep2.get(id), id + " redrawn"));
            assertMatrixDownloads(run.id());
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "alignment");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** The heatmaps' download links: matrix names with a slash ({@code layer1/WtW}) resolve to CSV and PNG. */
    private void assertMatrixDownloads(String runId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String name : LayeredTestKind.MATRICES) {
            String base = url("/api/runs/" + runId + "/matrices/layer1/" + name);
            HttpResponse<String> csv = http.send(
                    HttpRequest.newBuilder(URI.create(base + ".csv?step=2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode(), name + ".csv");
            assertEquals(6, csv.body().strip().split("\\R").length, name + ".csv has one line per matrix row");
            assertTrue(
                    csv.headers().firstValue("Content-Disposition").orElse("").contains("layer1-" + name),
                    "file name without the slash");
            HttpResponse<byte[]> png = http.send(
                    HttpRequest.newBuilder(URI.create(base + ".png")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode(), name + ".png");
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        }
    }

    /** Points per chart with layer 1 chosen: a curve per method, per layer for stationarity, the training curves. */
    private static Map<String, Long> perLayerCounts(int epochs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("alignment-pearson", (long) FORWARD_METHODS * epochs);
        counts.put("alignment-cosine", (long) FORWARD_METHODS * epochs);
        counts.put("alignment-backward-pearson", (long) BACKWARD_METHODS * epochs);
        counts.put("alignment-backward-cosine", (long) BACKWARD_METHODS * epochs);
        counts.put("stationarity-grad_norm", (long) DEPTH * epochs);
        counts.put("stationarity-relerr", (long) DEPTH * epochs);
        counts.put("training-loss", (long) epochs);
        counts.put("training-accuracy", 2L * epochs);
        return counts;
    }

    private static void assertCounts(WebDriver driver, Map<String, Long> expected) {
        Map<String, Long> actual = new LinkedHashMap<>();
        expected.keySet()
                .forEach(chart -> actual.put(
                        chart,
                        waitFor(
                                driver,
                                PAGE_TIMEOUT,
                                d -> pointCount(d, chart) == expected.get(chart) ? expected.get(chart) : null)));
        expected.keySet().forEach(chart -> assertTrue(displayed(driver, chart), chart));
        assertEquals(expected, actual);
    }

    /** The four heatmaps, WᵀW first, each showing the given step and drawn (a canvas with something on it). */
    private static void assertHeatmapsAtStep(WebDriver driver, long step) {
        List<String> order = ((List<?>) js(driver)
                        .executeScript("return Array.from(document.querySelectorAll("
                                + "'.heatmap-grid factlab-heatmap')).map(h => h.id);"))
                .stream().map(String::valueOf).toList();
        assertEquals(HEATMAPS, order, "WᵀW next to FACT, √AGOP, √eNFA");
        for (String id : HEATMAPS) {
            assertEquals(Long.toString(step), step(driver, id), id);
            assertTrue(displayed(driver, id), id);
        }
    }

    /** False also for a hidden Vaadin component, which the browser never receives. */
    private static boolean displayed(WebDriver driver, String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static String step(WebDriver driver, String heatmapId) {
        return driver.findElement(By.id(heatmapId)).getDomAttribute("data-step");
    }

    /** Each heatmap's canvases (ECharts draws in layers) as data URLs: what it has drawn. */
    private static Map<String, String> heatmapImages(WebDriver driver) {
        Map<String, String> images = new LinkedHashMap<>();
        for (String id : HEATMAPS) {
            images.put(id, String.valueOf(js(driver).executeScript("""
                    const canvases = document.getElementById(arguments[0]).shadowRoot.querySelectorAll('canvas');
                    return Array.from(canvases).filter(c => c.width > 0).map(c => c.toDataURL()).join(' ');""", id)));
            assertFalse(images.get(id).isEmpty(), id + " has a canvas");
        }
        return images;
    }

    /** Opens a Vaadin select and clicks the item with the given text. */
    private static void choose(WebDriver driver, String selectId, String item) {
        click(driver.findElement(By.id(selectId)));
        WebElement option = waitFor(
                driver,
                PAGE_TIMEOUT,
                d -> d.findElements(By.tagName("vaadin-select-item")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().trim().equals(item))
                        .findFirst()
                        .orElse(null));
        click(option);
        waitForVaadin(driver);
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }
}
