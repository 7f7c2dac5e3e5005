package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.pointCount;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.status;
import static org.factlab.ui.Browsers.visible;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The run page as its kind declares it, in Chromium: a tabular run shows its key numbers as a table of values and
 * no empty section; a parity run's Figure 7 has the origin and its fit line in view; a chart of seven methods
 * names all seven in its legend, which never pages; after <em>Launch</em> the run page opens at its top; the runs
 * list holds at 800 px.
 */
class RunPageBrowserTest extends BrowserTestBase {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);

    @Autowired
    RunService runs;

    @Test
    void aTabularRunShowsItsKeyNumbersAsATableAndNoEmptySection() throws Exception {
        Run run = runs.submit("tabular", "quick", Map.of(), "tabular run page");
        WebDriver driver = newBrowser(tempDir, "tabular-page");
        try {
            driver.get(url("/runs/" + run.id()));
            waitFor(driver, RUN_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            Map<String, Double> summary = finishedSummary(run.id());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("Mean test accuracy, NFA-RFM", percent(summary.get("mean_test_accuracy/nfa")));
            expected.put(
                    "Mean test accuracy, Laplace kernel regression", percent(summary.get("mean_test_accuracy/kernel")));
            expected.put("Datasets in the means", "2");
            Map<String, String> table = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<String, String> rows = keyNumbers(d);
                return rows.entrySet().containsAll(expected.entrySet()) ? rows : null;
            });
            assertTrue(table.size() >= 6, "four mean accuracies and the dataset counts: " + table);
            assertEquals(
                    List.of(),
                    driver.findElements(By.cssSelector("#key-numbers factlab-line-chart")),
                    "key numbers are values, not charts");
            assertEquals(List.of(), emptySections(driver), "every shown section has content");
            assertEquals(
                    List.of(), visibleChartsWithAtMostOnePoint(driver, "chart-tabular-scatter"), "no one-point charts");
            assertTrue(visible(driver, "#tabular-table") != null, "the results table");
            assertTrue(visible(driver, "#curves") == null, "no generic curves panel on a tabular run");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "tabular-page");
            throw e;
        } finally {
            driver.quit();
        }
    }

    @Test
    void aParityRunDrawsFigure7WithTheOriginAndItsFitLine() throws Exception {
        Run run = runs.submit("parity", "quick", Map.of(), "figure 7 page");
        WebDriver driver = newBrowser(tempDir, "figure7");
        try {
            driver.get(url("/runs/" + run.id()));
            waitFor(driver, RUN_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            waitFor(driver, PAGE_TIMEOUT, d -> pointCount(d, "chart-figure7") > 2 ? true : null);
            click(driver.findElement(By.id("chart-figure7")));
            Map<?, ?> extents = waitFor(driver, PAGE_TIMEOUT, d -> (Map<?, ?>)
                    js(d).executeScript("const c = document.getElementById('chart-figure7'); return c.axisExtents();"));
            List<?> x = (List<?>) extents.get("x");
            List<?> y = (List<?>) extents.get("y");
            assertTrue(number(x.get(0)) <= 0 && number(x.get(1)) > 0, "k′ axis includes 0: " + x);
            assertTrue(number(y.get(0)) <= 0 && number(y.get(1)) > 0, "τ axis includes 0: " + y);
            List<?> fit = (List<?>) js(driver).executeScript("""
                    const c = document.getElementById('chart-figure7');
                    return c.legendLayout().names;""");
            assertEquals(2, fit.size(), "the pairs and the fit: " + fit);
            assertTrue(String.valueOf(fit.get(1)).startsWith("fit through the origin"), String.valueOf(fit));
            Map<String, String> keys = keyNumbers(driver);
            assertTrue(keys.containsKey("τ–k′ slope c (τ ≈ c·k′, Figure 7)"), "slope as a key number: " + keys);
            assertTrue(keys.containsKey("R² of τ ≈ c·k′ (through the origin)"), "R² as a key number: " + keys);
            assertEquals(
                    List.of(),
                    visibleChartsWithAtMostOnePoint(driver, "chart-figure7"),
                    "single values are key numbers, not one-point charts");
            assertEquals(List.of(), emptySections(driver), "every shown section has content");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "figure7");
            throw e;
        } finally {
            driver.quit();
        }
    }

    @Test
    void aCnnRunShowsItsFirstConvolutionsFiltersAsImages() throws Exception {
        Run run = runs.submit("cnn", "quick", Map.of(), "filters page");
        WebDriver driver = newBrowser(tempDir, "filters");
        try {
            driver.get(url("/runs/" + run.id()));
            waitFor(driver, RUN_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            Number height = waitFor(driver, PAGE_TIMEOUT, d -> (Number) js(d).executeScript("""
                    const section = document.getElementById('filters');
                    const map = section && section.querySelector('factlab-heatmap');
                    const h = map ? map.getBoundingClientRect().height : 0;
                    return h > 0 ? h : null;"""));
            assertTrue(height.doubleValue() > 0, "the filters' mosaic is drawn");
            assertTrue(
                    driver.findElement(By.id("filters")).getText().contains("Filters of the first convolution"),
                    driver.findElement(By.id("filters")).getText());
            assertEquals(List.of(), emptySections(driver), "every shown section has content");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "filters");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** The first layer's Pearson chart of a layer-wise run has 7 methods: all 7 in the legend, on unpaged lines. */
    @Test
    void aLegendOfSevenSeriesShowsAllSevenNames() throws Exception {
        Run run = runs.submit(
                "layered-test", null, Map.of("depth", 2, "epochs", 3, "side", 4, "holdAt", -1), "legend of seven");
        LayerAlignmentSection section = MlpSections.alignment();
        List<String> labels = section.methods().stream()
                .map(LayerAlignmentSection.Method::label)
                .toList();
        WebDriver driver = newBrowser(tempDir, "legend");
        try {
            driver.manage().window().setSize(new Dimension(800, 1000));
            driver.get(url("/runs/" + run.id()));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> pointCount(d, "alignment-pearson") == 7L * 3 ? true : null);
            click(driver.findElement(By.id("alignment-pearson")));
            Map<?, ?> legend = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<?, ?> l = (Map<?, ?>)
                        js(d).executeScript("return document.getElementById('alignment-pearson').legendLayout();");
                return number(l.get("drawnItems")) == 7 ? l : null;
            });
            assertEquals("legend.plain", String.valueOf(legend.get("type")), "a legend that never pages: " + legend);
            assertEquals(labels, legend.get("names"));
            assertTrue(
                    number(legend.get("bottom")) <= number(legend.get("gridTop")),
                    "the legend's lines end above the plot: " + legend);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "legend");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** Launched from a form scrolled to its end, the run page opens at its top: status and timing in view. */
    @Test
    void afterLaunchTheRunPageOpensAtItsTopAndTheRunsListHoldsAt800Pixels() throws Exception {
        WebDriver driver = newBrowser(tempDir, "launch-top");
        try {
            driver.manage().window().setSize(new Dimension(800, 700));
            driver.get(url("/launch?kind=quadratic&preset=quick"));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#field-iterations input"));
            waitForVaadin(driver);
            click(driver.findElement(By.id("launch")));
            waitFor(driver, PAGE_TIMEOUT, d -> d.getCurrentUrl().contains("/runs/") ? true : null);
            waitFor(driver, PAGE_TIMEOUT, d -> status(d) != null ? true : null);
            waitForVaadin(driver);
            Map<?, ?> top = (Map<?, ?>) js(driver).executeScript("""
                    const status = document.getElementById('run-status').getBoundingClientRect();
                    const timing = document.getElementById('run-timing').getBoundingClientRect();
                    return {status: status.top, timing: timing.bottom, height: window.innerHeight,
                            scrolled: window.scrollY};""");
            assertTrue(
                    number(top.get("status")) >= 0 && number(top.get("timing")) <= number(top.get("height")),
                    "status and timing in view: " + top);

            driver.get(url("/runs"));
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#runs-grid"));
            waitForVaadin(driver);
            // at 800 px only name, status, results and the links stay (NarrowWindowBrowserTest)
            Map<?, ?> layout = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<?, ?> l = (Map<?, ?>) js(d).executeScript("""
                        const columns = [...document.querySelectorAll('#runs-grid > *')]
                            .filter(c => c.localName.startsWith('vaadin-grid') && c.localName.endsWith('column'));
                        return {overflow: document.documentElement.scrollWidth - window.innerWidth,
                                hidden: columns.filter(c => c.hidden).length, columns: columns.length};""");
                return number(l.get("hidden")) == 6 ? l : null;
            });
            assertTrue(number(layout.get("overflow")) <= 0, "no horizontal scrolling at 800 px: " + layout);

            driver.get(url("/runs/nosuchrun"));
            click(waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElements(By.linkText("Back to all runs")).isEmpty()
                            ? null
                            : d.findElement(By.linkText("Back to all runs"))));
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#runs-grid"));
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "launch-top");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** Rows of the key-numbers table: label → value as shown. */
    private static Map<String, String> keyNumbers(WebDriver driver) {
        List<?> rows = (List<?>) js(driver).executeScript("""
                return [...document.querySelectorAll('table.key-numbers tr')]
                    .map(tr => [tr.querySelector('th').textContent.trim(), tr.querySelector('td')
                            .textContent.trim()]);""");
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(String.valueOf(((List<?>) r).get(0)), String.valueOf(((List<?>) r).get(1))));
        return out;
    }

    /** Ids of shown sections (an H3 heading and nothing shown under it but text). */
    private static List<String> emptySections(WebDriver driver) {
        List<?> empty = (List<?>) js(driver).executeScript("""
                const shown = el => el.offsetParent !== null;
                return [...document.querySelectorAll('vaadin-vertical-layout > h3')]
                    .map(h => h.parentElement).filter(shown)
                    .filter(s => ![...s.querySelectorAll('factlab-line-chart, factlab-heatmap, table, vaadin-grid')]
                        .some(shown))
                    .map(s => s.id || s.querySelector('h3').textContent);""");
        return empty.stream().map(String::valueOf).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> visibleChartsWithAtMostOnePoint(WebDriver driver, String except) {
        List<?> charts = (List<?>) js(driver).executeScript("""
                return [...document.querySelectorAll('factlab-line-chart')]
                    .filter(c => c.offsetParent !== null && c.id !== arguments[0] && c.pointCount() <= 1)
                    .map(c => c.id);""", except);
        return charts.stream().map(String::valueOf).toList();
    }

    private Map<String, Double> finishedSummary(String id) {
        Run finished = runs.find(id).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, finished.status());
        return finished.summary();
    }

    private static String percent(Double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }
}
