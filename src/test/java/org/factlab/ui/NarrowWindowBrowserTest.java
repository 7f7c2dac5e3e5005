package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.visible;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Narrow windows (issue #30 items 10, 12 and 13): at 800 px the runs grid keeps Name, Status, Headline results and
 * the CSV link, the others come back from the Columns menu, a filter that matches nothing says so and clears; the run
 * page's paper table scrolls inside itself; the system page shows the queue and the data folders. At 400 px the run
 * page does not scroll sideways (its progress bar included), no number breaks inside itself and a chart's x tick
 * labels thin out instead of overlapping.
 */
class NarrowWindowBrowserTest extends BrowserTestBase {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);

    @Autowired
    RunService runs;

    @Test
    void runsAndRunPagesFitNarrowWindows() throws Exception {
        Run run = runs.submit("quadratic", "fig4", Map.of("iterations", 2000, "evalEvery", 500), "narrow fig4");
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (!runs.find(run.id()).orElseThrow().status().isTerminal()) {
            assertTrue(System.nanoTime() < deadline, "the run ends");
            Thread.sleep(200);
        }
        WebDriver driver = newBrowser(tempDir, "narrow");
        try {
            driver.manage().window().setSize(new Dimension(800, 1000));
            driver.get(url("/runs"));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#runs-grid"));
            waitForVaadin(driver);
            List<String> kept = List.of("runs-col-name", "runs-col-status", "runs-col-headline", "runs-col-links");
            waitFor(driver, PAGE_TIMEOUT, d -> shownColumns(d).equals(kept) ? true : null);
            assertTrue(driver.findElement(By.id("runs-grid")).getText().contains("CSV"), "the CSV link stays");
            assertEquals(0L, overflow(driver), "no sideways scrolling at 800 px");
            click(driver.findElement(By.id("runs-columns")));
            click(waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElements(By.id("runs-column-preset")).stream()
                            .filter(e -> e.isDisplayed())
                            .findFirst()
                            .orElse(null)));
            waitFor(driver, PAGE_TIMEOUT, d -> shownColumns(d).contains("runs-col-preset") ? true : null);

            driver.get(url("/runs?tag=no-such-tag"));
            click(waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#clear-filter")));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.id("runs-grid")).getText().contains("narrow fig4") ? true : null);
            assertTrue(!driver.findElement(By.id("no-match")).isDisplayed(), "the message goes with the filter");

            driver.get(url("/runs/" + run.id()));
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#paper-values"));
            waitForVaadin(driver);
            assertEquals(0L, overflow(driver), "the paper table scrolls inside itself at 800 px");

            driver.get(url("/system"));
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#system-queue"));
            assertTrue(driver.findElement(By.id("system-queue")).getText().contains("runs waiting for a worker"));
            assertTrue(driver.findElement(By.id("system-storage")).getText().contains("free space there"));
            assertEquals(0L, overflow(driver), "the system page at 800 px");

            driver.get(url("/runs/" + run.id()));
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#paper-values"));
            driver.manage().window().setSize(new Dimension(400, 900));
            waitFor(driver, PAGE_TIMEOUT, d -> overflow(d) == 0 ? true : null);
            Map<?, ?> numbers = (Map<?, ?>) js(driver).executeScript("""
                    const cells = [...document.querySelectorAll('table.key-numbers td')];
                    const lines = td => { const r = document.createRange(); r.selectNodeContents(td);
                        return r.getClientRects().length; };
                    const broken = cells.filter(td => lines(td) > 1);
                    return {cells: cells.length, broken: broken.map(td => td.textContent)};""");
            assertTrue(((Number) numbers.get("cells")).intValue() > 0, "key numbers shown: " + numbers);
            assertEquals(List.of(), numbers.get("broken"), "numbers on one line at 400 px");
            List<Map<String, Object>> ticks = waitFor(driver, PAGE_TIMEOUT, d -> {
                List<Map<String, Object>> drawn = xTickLabels(d, "chart-cosine");
                return drawn.size() >= 2 ? drawn : null;
            });
            assertNoOverlap(ticks, "at 400 px");
            // at 400 px this chart's labels fit anyway; squeezed to 180 px, the six or so labels of its step axis would
            // collide unless the chart thins them out (hideOverlap), so this is where the thinning shows
            js(driver).executeScript("document.getElementById('chart-cosine').style.width = '180px';");
            List<Map<String, Object>> squeezed = waitFor(driver, PAGE_TIMEOUT, d -> {
                List<Map<String, Object>> drawn = xTickLabels(d, "chart-cosine");
                return !drawn.isEmpty() && number(drawn.get(drawn.size() - 1), "x") < 180 ? drawn : null;
            });
            assertNoOverlap(squeezed, "on a chart squeezed to 180 px");

            driver.get(url("/launch?kind=quadratic&preset=fig4"));
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.tagName("body")).getText().contains("Its latest run here took")
                            ? true
                            : null); // the measured time, not only the estimate
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "narrow");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** A line chart's drawn x tick labels, left to right, through its xTickLabels() test hook. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> xTickLabels(WebDriver driver, String chartId) {
        return (List<Map<String, Object>>) js(driver).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return chart && typeof chart.xTickLabels === 'function'
                    ? chart.xTickLabels().sort((a, b) => a.x - b.x) : [];""", chartId);
    }

    /** @param ticks drawn labels, left to right */
    private static void assertNoOverlap(List<Map<String, Object>> ticks, String where) {
        for (int i = 1; i < ticks.size(); i++) {
            Map<String, Object> left = ticks.get(i - 1);
            Map<String, Object> right = ticks.get(i);
            assertTrue(
                    number(left, "x") + number(left, "width") <= number(right, "x"),
                    "x tick labels thinned out, none overlapping " + where + ": " + ticks);
        }
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    /** The ids of the runs grid's visible columns (the selection column left out). */
    @SuppressWarnings("unchecked")
    private static List<String> shownColumns(WebDriver driver) {
        return (List<String>) js(driver).executeScript("""
                return [...document.querySelectorAll('#runs-grid > vaadin-grid-column')]
                    .filter(c => !c.hidden).map(c => c.id);""");
    }

    /** How far the page scrolls sideways, in px. */
    private static long overflow(WebDriver driver) {
        return ((Number) js(driver)
                        .executeScript("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);"))
                .longValue();
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }
}
