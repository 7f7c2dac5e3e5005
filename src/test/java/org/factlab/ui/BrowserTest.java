package org.factlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.type;
import static org.factlab.ui.Browsers.visible;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Vaadin UI in a real browser (Debian's headless Chromium driven by its chromedriver, no TestBench), on a
 * fresh H2 database: launch a quadratic run from the form, watch its cosine chart fill while it runs, reopen
 * its link in a second browser with a new profile, download the metrics CSV; and a rejected launch.
 *
 * <p>Skipped when {@code /usr/bin/chromium} is absent ({@code apt-get install chromium chromium-driver}).
 * Both binaries are given to Selenium explicitly, so Selenium Manager never downloads anything. On failure a
 * screenshot and the page source are written to {@code <build dir>/browser-test/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrowserTest {

    /**
     * Long enough to see many live pushes (250 ms apart), short enough for a test: 7–15 s on a busy 2-core
     * machine. Few evaluations keep the pushed chart data and the database small.
     */
    private static final int ITERATIONS = 1_000_000;
    private static final int EVAL_EVERY = 5_000;
    /** Points per series: evaluations at 0, 5000, …, 10⁶ (under LineChart's 2000-point downsampling cap). */
    private static final int EVALUATIONS = ITERATIONS / EVAL_EVERY + 1;
    /** The cosine chart shows fact/, agop/, sqrt_agop/ and enfa/cosine. */
    private static final int COSINE_SERIES = 4;

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

    private static final Pattern RUN_URL = Pattern.compile("/runs/([A-Za-z0-9_-]+)$");

    @TempDir
    static Path tempDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("factlab.data-dir", () -> tempDir.resolve("data").toString());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void browserInstalled() {
        Browsers.assumeInstalled();
    }

    @Test
    void launchWatchLiveReopenInFreshBrowserAndDownloadCsv() throws Exception {
        String runName = "browser test " + System.nanoTime();
        String runId;
        long finalCount;

        WebDriver driver = newBrowser(tempDir, "first");
        try {
            driver.get(url("/launch?kind=quadratic&preset=quick"));
            WebElement iterations = waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#field-iterations input"));
            waitForVaadin(driver);
            assertEquals("100000", iterations.getDomProperty("value"), "?preset=quick fills in its 10⁵ iterations");

            type(iterations, String.valueOf(ITERATIONS));
            type(driver.findElement(By.cssSelector("#field-evalEvery input")), String.valueOf(EVAL_EVERY));
            type(driver.findElement(By.cssSelector("#run-name input")), runName);
            waitForVaadin(driver);
            startSampler(driver);
            long start = System.nanoTime();
            click(driver.findElement(By.id("launch")));

            String runUrl = waitFor(driver, PAGE_TIMEOUT, d -> RUN_URL.matcher(d.getCurrentUrl()).find()
                    ? d.getCurrentUrl() : null);
            Matcher m = RUN_URL.matcher(runUrl);
            assertTrue(m.find());
            runId = m.group(1);
            assertEquals(url("/runs/" + runId), runUrl);
            String apiRun = get("/api/runs/" + runId).body();
            assertTrue(apiRun.contains("\"name\":\"" + runName + "\""), apiRun);
            assertTrue(apiRun.contains("\"iterations\":" + ITERATIONS), apiRun);
            assertTrue(apiRun.contains("\"evalEvery\":" + EVAL_EVERY), apiRun);

            // Live: the cosine chart gains points while the run is RUNNING, then the run SUCCEEDS.
            String status = waitFor(driver, RUN_TIMEOUT, d -> isTerminal(status(d)) ? status(d) : null);
            assertEquals("SUCCEEDED", status, "run status; " + driver.findElement(By.id("run-error")).getText());
            finalCount = waitFor(driver, Duration.ofSeconds(30),
                    d -> cosinePoints(d) == (long) COSINE_SERIES * EVALUATIONS ? cosinePoints(d) : null);
            List<long[]> samples = samples(driver);
            System.out.printf("BrowserTest: run %s %s after %.1f s; cosine chart (ms, RUNNING?, points): %s%n", runId,
                    status, (System.nanoTime() - start) / 1e9, samples.stream().map(Arrays::toString).toList());
            List<Long> countsWhileRunning = samples.stream().filter(sample -> sample[1] == 1 && sample[2] > 0)
                    .map(sample -> sample[2]).distinct().toList();
            assertTrue(countsWhileRunning.size() >= 2,
                    "the cosine chart should change at least twice while the run is RUNNING, saw " + countsWhileRunning);
            for (int i = 1; i < countsWhileRunning.size(); i++) {
                assertTrue(countsWhileRunning.get(i) > countsWhileRunning.get(i - 1),
                        "point counts should only grow: " + countsWhileRunning);
            }
            assertTrue(countsWhileRunning.get(countsWhileRunning.size() - 1) < finalCount,
                    countsWhileRunning + " then " + finalCount);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "first-browser");
            throw e;
        } finally {
            driver.quit();
        }

        // The same link in a new browser with a new profile: history from the database, no live session.
        String csvHref;
        WebDriver fresh = newBrowser(tempDir, "second");
        try {
            fresh.get(url("/runs/" + runId));
            waitFor(fresh, PAGE_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            assertTrue(fresh.getTitle().contains(runName), fresh.getTitle());
            long count = waitFor(fresh, Duration.ofSeconds(30), d -> cosinePoints(d) == finalCount ? finalCount : null);
            assertEquals((long) COSINE_SERIES * EVALUATIONS, count, "full history in the fresh browser");
            assertEquals(1, fresh.findElements(By.cssSelector("factlab-heatmap#heatmap-FACT")).size(), "FACT heatmap");
            WebElement anchor = fresh.findElement(By.cssSelector("#downloads a"));
            assertEquals("Download metrics CSV", anchor.getText().trim());
            csvHref = anchor.getDomProperty("href");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(fresh, "second-browser");
            throw e;
        } finally {
            fresh.quit();
        }

        // The CSV the anchor points to, fetched directly (sturdier than a browser download).
        assertEquals(url("/api/runs/" + runId + "/metrics.csv"), csvHref);
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        assertEquals("series,step,value", lines.get(0));
        assertEquals(EVALUATIONS, lines.stream().filter(l -> l.startsWith("fact/cosine,")).count(), "fact/cosine rows");
        String[] last = lines.stream().filter(l -> l.startsWith("fact/cosine,")).reduce((a, b) -> b).orElseThrow()
                .split(",");
        assertEquals(String.valueOf(ITERATIONS), last[1], "the last evaluation is at the last step");
        assertTrue(Double.isFinite(Double.parseDouble(last[2])), last[2]);
        assertEquals(finalCount, lines.stream().filter(l -> l.split(",")[0].endsWith("/cosine")).count(),
                "the chart drew every cosine row of the CSV");
    }

    @Test
    void invalidWidthIsRejectedOnTheLaunchPage() throws Exception {
        WebDriver driver = newBrowser(tempDir, "invalid");
        try {
            driver.get(url("/launch?kind=quadratic&preset=quick"));
            WebElement width = waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#field-width input"));
            waitForVaadin(driver);
            type(width, "0");
            waitForVaadin(driver);
            click(driver.findElement(By.id("launch")));

            String error = waitFor(driver, PAGE_TIMEOUT, d -> {
                String text = d.findElement(By.id("form-error")).getText();
                return text.isBlank() ? null : text;
            });
            assertTrue(error.contains("width") && error.contains("[1, 1000]"), error);
            assertEquals(url("/launch?kind=quadratic&preset=quick"), driver.getCurrentUrl(), "still on the launch page");
            assertNotNull(driver.findElement(By.id("field-width")).getDomAttribute("invalid"), "width marked invalid");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "invalid-width");
            throw e;
        } finally {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(WebDriver driver) {
        List<WebElement> found = driver.findElements(By.id("run-status"));
        return found.isEmpty() ? null : found.get(0).getDomAttribute("data-status");
    }

    private static boolean isTerminal(String status) {
        return status != null && !"QUEUED".equals(status) && !"RUNNING".equals(status);
    }

    /**
     * Records in the page, every 50 ms, whether the run page shows RUNNING and how many points the cosine chart
     * holds (one entry per change). The page is watched from inside because chromedriver's commands can wait
     * seconds for a busy renderer (live charts on a loaded 2-core machine) and would miss the short run.
     * Vaadin navigates without reloading the page, so the recorder survives the step from /launch to /runs/….
     */
    private static void startSampler(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("""
                const samples = [];
                window.factlabTestSamples = samples;
                const t0 = performance.now();
                setInterval(() => {
                  const status = document.getElementById('run-status');
                  const chart = document.getElementById('chart-cosine');
                  const running = status && status.getAttribute('data-status') === 'RUNNING' ? 1 : 0;
                  const points = chart && typeof chart.pointCount === 'function' ? chart.pointCount() : -1;
                  const last = samples[samples.length - 1];
                  if (!last || last[1] !== running || last[2] !== points) {
                    samples.push([Math.round(performance.now() - t0), running, points]);
                  }
                }, 50);""");
    }

    /** What {@link #startSampler} recorded: {ms since start, 1 if RUNNING else 0, cosine chart points}. */
    private static List<long[]> samples(WebDriver driver) {
        List<?> raw = (List<?>) ((JavascriptExecutor) driver).executeScript("return window.factlabTestSamples;");
        return raw.stream().map(sample -> ((List<?>) sample).stream().mapToLong(v -> ((Number) v).longValue()).toArray())
                .toList();
    }

    /** The points the cosine chart holds, through the element's pointCount() test hook; -1 before it exists. */
    private static long cosinePoints(WebDriver driver) {
        Object count = ((JavascriptExecutor) driver).executeScript("""
                const chart = document.getElementById('chart-cosine');
                return chart && typeof chart.pointCount === 'function' ? chart.pointCount() : -1;""");
        return ((Number) count).longValue();
    }
}
