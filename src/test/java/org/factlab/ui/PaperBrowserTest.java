package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.status;
import static org.factlab.ui.Browsers.visible;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.factlab.ui.base.Formats;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The paper page in headless Chromium on a fresh database: the empty runs list leads to it, every card says not
 * run yet, Figure 4's card launches its preset and then turns differs or matches with the paper's number beside
 * the run's; the run's page shows the departure banner and the three columns. With the system property
 * {@code factlab.screenshots=<folder>} it saves the README's screenshots there (paper.png, figure4-run.png); Vaadin's
 * dev tools are off by default, so no popup covers them.
 */
class PaperBrowserTest extends BrowserTestBase {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> VERDICTS = List.of("differs", "matches");

    @Test
    void aNewcomerReproducesFigure4FromItsCardAndSeesThePapersNumberBesideTheRuns() throws Exception {
        WebDriver driver = newBrowser(tempDir, "paper");
        try {
            driver.get(url("/"));
            WebElement invitation = waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#first-visit-paper"));
            click(invitation);
            waitFor(driver, PAGE_TIMEOUT, d -> d.getCurrentUrl().endsWith("/paper") ? true : null);
            waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#card-table3"));
            assertEquals("not run yet", verdict(driver, "fig4"));
            assertTrue(text(driver, "#card-fig4").contains("0.994"), "the paper's number before any run");

            click(driver.findElement(By.id("launch-fig4")));
            String shown = waitFor(
                    driver, RUN_TIMEOUT, d -> VERDICTS.contains(verdict(d, "fig4")) ? verdict(d, "fig4") : null);
            WebElement latest = waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#result-fig4 a"));
            String runId = latest.getText().replace("latest run ", "").strip();
            JsonNode run = new ObjectMapper().readTree(get("/api/runs/" + runId));
            assertEquals("SUCCEEDED", run.get("status").asText());
            String runsAgop =
                    Formats.number(run.get("summary").get("agop/cosine").asDouble());
            String card = text(driver, "#card-fig4");
            assertTrue(
                    card.contains("0.994") && card.contains("0.068") && card.contains(runsAgop),
                    "paper's 0.994 and < 0.068 beside the run's " + runsAgop + ": " + card);
            JsonNode paper = new ObjectMapper().readTree(get("/api/paper"));
            for (JsonNode c : paper) {
                if (c.get("id").asText().equals("fig4")) {
                    assertEquals(shown, c.get("latest").get("verdict").asText(), "the page and the API agree");
                }
            }
            screenshot(driver, "paper.png");

            driver.get(url("/runs/" + runId));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            WebElement banner = waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#departure"));
            assertTrue(banner.getText().contains("λ = 1e-7"), banner.getText());
            WebElement badge = waitFor(driver, PAGE_TIMEOUT, d -> visible(d, "#paper-verdict"));
            assertEquals(shown, badge.getDomAttribute("data-verdict"));
            String columns = text(driver, "#paper-values");
            assertTrue(
                    columns.contains("paper") && columns.contains("lab reference") && columns.contains("this run"),
                    columns);
            waitFor(driver, PAGE_TIMEOUT, d -> Browsers.pointCount(d, "chart-cosine") > 0 ? true : null);
            waitForVaadin(driver);
            Thread.sleep(1500); // let the charts and heatmaps paint before the picture
            screenshot(driver, "figure4-run.png");
        } catch (Throwable t) {
            saveEvidence(driver, "paper");
            throw t;
        } finally {
            driver.quit();
        }
    }

    private static String verdict(WebDriver driver, String card) {
        List<WebElement> found = driver.findElements(By.id("verdict-" + card));
        return found.isEmpty() ? null : found.get(0).getDomAttribute("data-verdict");
    }

    /** The element's text including the grid cells slotted into it. */
    private static String text(WebDriver driver, String css) {
        return (String) ((JavascriptExecutor) driver)
                .executeScript("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    }

    /** Saves a screenshot under the folder named by {@code factlab.screenshots}, if set. */
    private static void screenshot(WebDriver driver, String name) throws Exception {
        String folder = System.getProperty("factlab.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, 1700));
        Thread.sleep(1000);
        Files.createDirectories(Path.of(folder));
        Files.write(Path.of(folder, name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(size);
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
