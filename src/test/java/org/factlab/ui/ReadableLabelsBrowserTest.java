package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.pointCount;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.seriesColors;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.factlab.paperresults.PaperResults;
import org.factlab.runs.MetricRepository;
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
 * Labels, not keys (issue #30 items 2, 5 and 6): the paper, runs, run, compare, study and inspect pages show no
 * series key ("layer1/fact/pearson", "test/accuracy", "mean_test_accuracy") and no TeX source ("AGOP^{1/L}", "L_λ")
 * in their visible text, chart titles or legends; another run overlaid on an mlp page is drawn dashed in the colour
 * of the curve it repeats, named by the field in which it differs, and not offered on inspect's page, which draws no
 * curves; no chart title runs under the toolbox's icons.
 */
class ReadableLabelsBrowserTest extends BrowserTestBase {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);
    /** TeX markers: a braced script, or a script after a single symbol. */
    private static final Pattern TEX = Pattern.compile("[_^]\\{|(^|[^\\p{L}\\p{N}])[\\p{L}‖)][_^][\\p{L}\\p{N}]");

    @Autowired
    RunService runs;

    @Autowired
    MetricRepository metrics;

    @Autowired
    PaperResults paper;

    /** The keys the pages could show (with a '/' or '_': a one-word key is also a word): series, summaries, cards. */
    private final Set<String> keys = new TreeSet<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void pagesShowLabelsAndOverlaysAreDashed() throws Exception {
        Run mine = runs.submit("layered-test", null, Map.of("depth", 2, "epochs", 3, "side", 6), "labels a");
        Run other = runs.submit("layered-test", null, Map.of("depth", 2, "epochs", 4, "side", 6), "labels b");
        Run inspect = runs.submit("inspect", "quick", Map.of(), "labels inspect");
        runs.edit(
                mine.id(),
                "labels a: two layers, three epochs",
                "Checked the **layer-wise** alignment by eye: FACT " + "tracks WᵀW from the first epoch.",
                List.of("fig11", "reviewed"));
        String study = createStudy();
        for (Run r : List.of(mine, other, inspect)) {
            awaitTerminal(r.id());
        }
        for (Run r : List.of(mine, inspect)) {
            metrics.points(r.id()).forEach(p -> keys.add(p.series()));
            keys.addAll(runs.find(r.id()).orElseThrow().summary().keySet());
        }
        paper.figures().forEach(f -> f.values().forEach(v -> keys.add(v.series())));
        keys.removeIf(k -> !k.contains("/") && !k.contains("_"));
        WebDriver driver = newBrowser(tempDir, "labels");
        try {
            driver.get(url("/runs/" + mine.id()));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> pointCount(d, "alignment-pearson") > 0 ? true : null);
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.id("run-notes")).getText().contains("layer-wise") ? true : null);
            waitForVaadin(driver);
            ReadmeScreenshots.save(driver, "run-management.png", 1820);
            overlay(driver, other.name());
            Map<?, ?> types = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<?, ?> t = (Map<?, ?>) layout(d, "alignment-pearson").get("lineTypes");
                return t.containsValue("dashed") ? t : null;
            });
            Map<String, String> colours = seriesColors(driver, "alignment-pearson");
            List<String> dashed = types.entrySet().stream()
                    .filter(e -> "dashed".equals(e.getValue()))
                    .map(e -> String.valueOf(e.getKey()))
                    .toList();
            assertEquals(types.size() / 2, dashed.size(), "one dashed curve per method of the other run: " + types);
            for (String name : dashed) {
                String own = name.substring(name.indexOf(" · ") + 3);
                assertTrue(name.startsWith("epochs = 4"), "named by the field that differs: " + name);
                assertEquals("solid", types.get(own), own);
                assertEquals(colours.get(own), colours.get(name), name + " in the colour of " + own);
            }
            assertTitlesClearOfToolbox(driver);
            assertReadable(driver, "run page");

            driver.get(url("/compare?runs=" + mine.id() + "," + other.id()));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElements(By.cssSelector("#compare-charts factlab-line-chart"))
                                            .size()
                                    > 0
                            ? true
                            : null);
            assertReadable(driver, "compare page");

            driver.get(url("/runs"));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.id("runs-grid")).getText().contains("labels b") ? true : null);
            assertReadable(driver, "runs page");

            driver.get(url("/studies/" + study));
            waitFor(
                    driver,
                    RUN_TIMEOUT,
                    d -> d.findElements(By.id("study-status")).stream()
                                    .anyMatch(e -> "SUCCEEDED".equals(e.getDomAttribute("data-status")))
                            ? true
                            : null);
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElements(By.cssSelector("#study-table td")).size() > 0 ? true : null);
            assertReadable(driver, "study page");
            assertTrue(
                    driver.findElement(By.tagName("body")).getText().contains("labels study · epochs = 2 · seed"),
                    "a study's runs are named like its setting column");

            driver.get(url("/runs/" + inspect.id()));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.tagName("body")).getText().contains("labels inspect") ? true : null);
            waitForVaadin(driver);
            assertReadable(driver, "inspect page");
            assertTrue(
                    driver.findElements(By.id("overlay")).stream().noneMatch(WebElement::isDisplayed),
                    "no overlay offered where no section draws curves");

            driver.get(url("/paper"));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElements(By.id("paper-cards")).isEmpty() ? null : true);
            waitForVaadin(driver);
            assertReadable(driver, "paper page");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "labels");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** No key and no TeX source in the page's text, its charts' titles or their legends. */
    private void assertReadable(WebDriver driver, String page) {
        waitForVaadin(driver);
        List<String> texts = new ArrayList<>();
        texts.add(driver.findElement(By.tagName("body")).getText());
        for (WebElement chart : driver.findElements(By.tagName("factlab-line-chart"))) {
            Map<String, Object> layout = layout(driver, chart.getDomAttribute("id"));
            texts.add(String.valueOf(layout.get("titleText")));
            Object legend =
                    ((JavascriptExecutor) driver).executeScript("return arguments[0].legendLayout().names;", chart);
            ((List<?>) legend).forEach(n -> texts.add(String.valueOf(n)));
        }
        for (String text : texts) {
            for (String line : text.split("\\R")) {
                for (String key : keys) {
                    Pattern token = Pattern.compile("(?<![\\w/])" + Pattern.quote(key) + "(?![\\w/])");
                    assertFalse(token.matcher(line).find(), page + " shows the key '" + key + "' in: " + line);
                }
                assertFalse(TEX.matcher(line).find(), page + " shows TeX source in: " + line);
            }
        }
    }

    /** Every line chart's title ends left of its toolbox's icons. */
    private static void assertTitlesClearOfToolbox(WebDriver driver) {
        for (WebElement chart : driver.findElements(By.tagName("factlab-line-chart"))) {
            if (!chart.isDisplayed()) {
                continue;
            }
            Map<String, Object> layout = layout(driver, chart.getDomAttribute("id"));
            Map<?, ?> title = (Map<?, ?>) layout.get("title");
            Map<?, ?> toolbox = (Map<?, ?>) layout.get("toolbox");
            if (title == null || toolbox == null) {
                continue;
            }
            double titleRight = ((Number) title.get("x")).doubleValue() + ((Number) title.get("width")).doubleValue();
            assertTrue(
                    titleRight <= ((Number) toolbox.get("x")).doubleValue(),
                    chart.getDomAttribute("id") + "'s title ends at " + titleRight + ", under the toolbox " + toolbox);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout(WebDriver driver, String chartId) {
        return (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById(arguments[0]).drawnLayout();", chartId);
    }

    /** Picks a run in the run page's "Overlay other runs of this kind" box by typing its name. */
    private static void overlay(WebDriver driver, String runName) {
        WebElement box = driver.findElement(By.id("overlay"));
        WebElement input = box.findElement(By.tagName("input"));
        click(input);
        input.sendKeys(runName);
        WebElement item = waitFor(
                driver,
                PAGE_TIMEOUT,
                d -> d.findElements(By.tagName("vaadin-multi-select-combo-box-item")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().startsWith(runName))
                        .findFirst()
                        .orElse(null));
        click(item);
        input.sendKeys(Keys.ESCAPE);
        waitForVaadin(driver);
    }

    private String createStudy() throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/studies")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"kind\":\"layered-test\",\"name\":\"labels study\",\"seeds\":1,"
                                        + "\"spec\":{\"depth\":2,\"side\":4},\"sweep\":{\"epochs\":[2,3]}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return new ObjectMapper().readTree(created.body()).get("id").asText();
    }

    private void awaitTerminal(String id) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (!runs.find(id).orElseThrow().status().isTerminal()) {
            assertTrue(System.nanoTime() < deadline, "run " + id + " still going");
            Thread.sleep(200);
        }
        assertEquals("SUCCEEDED", runs.find(id).orElseThrow().status().name(), "run " + id);
    }
}
