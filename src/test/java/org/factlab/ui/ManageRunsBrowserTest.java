package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.type;
import static org.factlab.ui.Browsers.visible;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.runs.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Managing runs in a real browser: the runs grid opened with a filter in its address lists just the matching runs;
 * two of them are ticked and deleted after a confirmation naming how many; a third gets Markdown notes on its page
 * and is launched again through *Edit and launch* with one field changed. The page shows no development tools.
 */
class ManageRunsBrowserTest extends BrowserTestBase {

    private static final Pattern RUN_URL = Pattern.compile("/runs/([a-z0-9]+)$");

    @Test
    void deleteTwoRunsFromTheGridAndRelaunchOneWithAnEditedField() throws Exception {
        ApiClient api = new ApiClient(port);
        String keep = api.launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"name\":\"keep me\"}");
        String first = api.launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"name\":\"doomed one\"}");
        String second = api.launch("{\"kind\":\"test-scripted\",\"preset\":\"tiny\",\"name\":\"doomed two\"}");
        for (String id : List.of(keep, first, second)) {
            api.awaitStatus(id, "SUCCEEDED");
        }

        WebDriver driver = newBrowser(tempDir, "manage");
        try {
            driver.get(url("/?q=doomed"));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> rowCount(d) == 2 ? true : null);
            waitForVaadin(driver);
            assertEquals(List.of("doomed two", "doomed one"), rowNames(driver), "the filter in the address applies");
            assertEquals(
                    "doomed",
                    driver.findElement(By.cssSelector("#filter-q input")).getDomProperty("value"));
            assertEquals(
                    Boolean.TRUE,
                    ((JavascriptExecutor) driver)
                            .executeScript("return !document.querySelector('vaadin-dev-tools, copilot-main');"),
                    "no development tools");

            ((JavascriptExecutor) driver).executeScript("""
                    [...document.querySelectorAll('#runs-grid vaadin-checkbox')]
                        .filter(c => c.getAttribute('aria-label') !== 'Select All').forEach(c => c.click());""");
            waitForVaadin(driver);
            click(waitFor(driver, PAGE_TIMEOUT, d -> {
                var delete = visible(d, "#delete-runs");
                return delete != null && delete.isEnabled() ? delete : null;
            }));
            var yes = waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#confirm-delete-runs-yes"));
            assertEquals("Delete 2 runs", yes.getText().trim());
            assertTrue(
                    driver.findElement(By.id("confirm-delete-runs")).getText().contains("Delete 2 runs?"));
            click(yes);
            waitFor(driver, PAGE_TIMEOUT, d -> rowCount(d) == 0 ? true : null);
            assertEquals(404, api.get("/api/runs/" + first).statusCode());
            assertEquals(404, api.get("/api/runs/" + second).statusCode());
            assertEquals(200, api.get("/api/runs/" + keep).statusCode());

            driver.get(url("/runs/" + keep));
            click(waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#edit-run")));
            var notes = waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#edit-notes textarea"));
            notes.sendKeys("**checked** by hand");
            type(driver.findElement(By.cssSelector("#edit-tags input")), "reviewed");
            click(driver.findElement(By.id("save-run-labels")));
            assertEquals(
                    "checked",
                    waitFor(
                            driver,
                            PAGE_TIMEOUT,
                            d -> ((JavascriptExecutor) d)
                                    .executeScript("const b = document.querySelector('#run-notes strong'); return b && "
                                            + "b.textContent;")),
                    "the notes are shown as rendered Markdown");
            assertEquals(
                    List.of("reviewed"),
                    List.of(api.json("/api/runs/" + keep).get("tags").get(0).asText()));

            click(driver.findElement(By.id("edit-and-launch")));
            var steps = waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#field-steps input"));
            waitForVaadin(driver);
            assertEquals(url("/launch?from=" + keep), driver.getCurrentUrl());
            assertEquals("5", steps.getDomProperty("value"), "the form holds the run's spec");
            assertEquals(
                    "keep me",
                    driver.findElement(By.cssSelector("#run-name input")).getDomProperty("value"));
            type(steps, "7");
            waitForVaadin(driver);
            click(driver.findElement(By.id("launch")));
            String relaunched = waitFor(driver, PAGE_TIMEOUT, d -> {
                Matcher m = RUN_URL.matcher(d.getCurrentUrl());
                return m.find() && !m.group(1).equals(keep) ? m.group(1) : null;
            });
            JsonNode run = api.awaitStatus(relaunched, "SUCCEEDED");
            assertEquals(7, run.get("spec").get("steps").asInt());
            assertEquals("tiny", run.get("preset").asText());
            assertEquals("keep me", run.get("name").asText());
            assertEquals(6.0, run.get("summary").get("x").asDouble());

            // Launch again from a run page: the same view opens the new run completely, and follows it live
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#figure-downloads"));
            click(waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#launch-again")));
            String again = waitFor(driver, PAGE_TIMEOUT, d -> {
                Matcher m = RUN_URL.matcher(d.getCurrentUrl());
                return m.find() && !m.group(1).equals(relaunched) ? m.group(1) : null;
            });
            api.awaitStatus(again, "SUCCEEDED");
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#figure-downloads"));
            waitFor(driver, PAGE_TIMEOUT, d -> {
                var status = visible(d, "#run-status");
                return status != null && status.getText().contains("SUCCEEDED") ? true : null;
            });
            assertTrue(
                    !driver.findElements(By.cssSelector("factlab-line-chart")).isEmpty(),
                    "the new run's charts are on the page");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "manage");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** The number of rows of the runs grid; -1 before it is there. */
    private static long rowCount(WebDriver driver) {
        Object size = ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById('runs-grid');
                return grid && typeof grid.size === 'number' ? grid.size : -1;""");
        return ((Number) size).longValue();
    }

    /** The run names the runs grid shows, top to bottom. */
    private static List<String> rowNames(WebDriver driver) {
        List<?> names = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById('runs-grid');
                if (!grid) { return null; }
                return [...grid.querySelectorAll('vaadin-grid-cell-content a[router-link]')]
                    .map(a => a.textContent.trim())
                    .filter(t => t && t !== 'Open');""");
        return names == null
                ? List.of("?")
                : names.stream().map(String::valueOf).toList();
    }
}
