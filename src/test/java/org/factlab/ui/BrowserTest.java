package org.factlab.ui;

import static org.factlab.ui.Browsers.FIRST_PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.PAGE_TIMEOUT;
import static org.factlab.ui.Browsers.click;
import static org.factlab.ui.Browsers.isTerminal;
import static org.factlab.ui.Browsers.newBrowser;
import static org.factlab.ui.Browsers.pointCount;
import static org.factlab.ui.Browsers.saveEvidence;
import static org.factlab.ui.Browsers.seriesColors;
import static org.factlab.ui.Browsers.status;
import static org.factlab.ui.Browsers.type;
import static org.factlab.ui.Browsers.visible;
import static org.factlab.ui.Browsers.waitFor;
import static org.factlab.ui.Browsers.waitForVaadin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.runs.compare.CurveColours;
import org.factlab.ui.study.StudyCells;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The Vaadin UI in a real browser (Debian's headless Chromium driven by its chromedriver, no TestBench), on a
 * fresh H2 database: launch a quadratic run from the form, watch its cosine chart fill while it runs, reopen
 * its link in a second browser with a new profile, download the metrics CSV; a rejected launch; a study page
 * whose results table fills in, and its runs compared with curves coloured by the swept field.
 *
 * <p>Skipped when {@code /usr/bin/chromium} is absent ({@code apt-get install chromium chromium-driver}).
 * Both binaries are given to Selenium explicitly, so Selenium Manager never downloads anything. On failure a
 * screenshot and the page source are written to {@code <build dir>/browser-test/}.
 */
class BrowserTest extends BrowserTestBase {

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

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

            String runUrl = waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> RUN_URL.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
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
            assertEquals(
                    "SUCCEEDED",
                    status,
                    "run status; " + driver.findElement(By.id("run-error")).getText());
            finalCount = waitFor(
                    driver,
                    Duration.ofSeconds(30),
                    d -> pointCount(d, "chart-cosine") == (long) COSINE_SERIES * EVALUATIONS
                            ? pointCount(d, "chart-cosine")
                            : null);
            List<long[]> samples = samples(driver);
            System.out.printf(
                    "BrowserTest: run %s %s after %.1f s; cosine chart (ms, RUNNING?, points): %s%n",
                    runId,
                    status,
                    (System.nanoTime() - start) / 1e9,
                    samples.stream().map(Arrays::toString).toList());
            List<Long> countsWhileRunning = samples.stream()
                    .filter(sample -> sample[1] == 1 && sample[2] > 0)
                    .map(sample -> sample[2])
                    .distinct()
                    .toList();
            assertTrue(
                    countsWhileRunning.size() >= 2,
                    "the cosine chart should change at least twice while the run is RUNNING, saw "
                            + countsWhileRunning);
            for (int i = 1; i < countsWhileRunning.size(); i++) {
                assertTrue(
                        countsWhileRunning.get(i) > countsWhileRunning.get(i - 1),
                        "point counts should only grow: " + countsWhileRunning);
            }
            // The last evaluation's points may reach the page just before its status does (a loaded machine).
            assertTrue(
                    countsWhileRunning.get(countsWhileRunning.size() - 1) <= finalCount,
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
            long count = waitFor(
                    fresh,
                    Duration.ofSeconds(30),
                    d -> pointCount(d, "chart-cosine") == finalCount ? finalCount : null);
            assertEquals((long) COSINE_SERIES * EVALUATIONS, count, "full history in the fresh browser");
            assertEquals(
                    1,
                    fresh.findElements(By.cssSelector("factlab-heatmap#heatmap-FACT"))
                            .size(),
                    "FACT heatmap");
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
        HttpResponse<String> csv = http.send(
                HttpRequest.newBuilder(URI.create(csvHref)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        assertEquals("series,step,value", lines.get(0));
        assertEquals(
                EVALUATIONS,
                lines.stream().filter(l -> l.startsWith("fact/cosine,")).count(),
                "fact/cosine rows");
        String[] last = lines.stream()
                .filter(l -> l.startsWith("fact/cosine,"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .split(",");
        assertEquals(String.valueOf(ITERATIONS), last[1], "the last evaluation is at the last step");
        assertTrue(Double.isFinite(Double.parseDouble(last[2])), last[2]);
        assertEquals(
                finalCount,
                lines.stream().filter(l -> l.split(",")[0].endsWith("/cosine")).count(),
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
            assertEquals(
                    url("/launch?kind=quadratic&preset=quick"), driver.getCurrentUrl(), "still on the launch page");
            assertNotNull(driver.findElement(By.id("field-width")).getDomAttribute("invalid"), "width marked invalid");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "invalid-width");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /**
     * A study of three quadratic runs launched through the API: its page shows the progress and a results
     * table whose fact/cosine means fill in and equal the runs' summaries; comparing its runs coloured by the
     * swept field draws each run's curve in that value's colour.
     */
    @Test
    void aStudyPageShowsItsTableFillIn() throws Exception {
        String studyId = create(
                "/api/studies",
                "{\"kind\":\"quadratic\",\"preset\":\"quick\",\"name\":\"browser study\","
                        + "\"spec\":{\"evalEvery\":10000},\"sweep\":{\"iterations\":[20000,40000,60000]}}");

        WebDriver driver = newBrowser(tempDir, "study");
        try {
            driver.get(url("/studies/" + studyId));
            waitFor(
                    driver,
                    FIRST_PAGE_TIMEOUT,
                    d -> tableColumn(d, "iterations").size() == 3 ? true : null);
            assertTrue(driver.getTitle().contains("browser study"), driver.getTitle());
            List<String> means = waitFor(driver, RUN_TIMEOUT, d -> {
                List<String> column = tableColumn(d, "cosine similarity of FACT with WᵀW"); // fact/cosine
                return column.size() == 3
                                && column.stream().noneMatch(c -> c.isBlank() || "—".equals(c))
                                && "SUCCEEDED"
                                        .equals(d.findElement(By.id("study-status"))
                                                .getDomAttribute("data-status"))
                        ? column
                        : null;
            });
            assertEquals(List.of("20000", "40000", "60000"), tableColumn(driver, "iterations"));
            String study = get("/api/studies/" + studyId).body();
            Matcher runIds = Pattern.compile("\"runIds\":\\[([^\\]]*)\\]").matcher(study);
            assertTrue(runIds.find(), study);
            List<String> ids = Arrays.stream(runIds.group(1).split(","))
                    .map(s -> s.replace("\"", ""))
                    .toList();
            for (int i = 0; i < 3; i++) {
                Matcher cosine = Pattern.compile("\"fact/cosine\":([-0-9.eE]+)")
                        .matcher(get("/api/runs/" + ids.get(i)).body());
                assertTrue(cosine.find());
                assertEquals(StudyCells.format(Double.parseDouble(cosine.group(1)), null, 1), means.get(i), "row " + i);
            }
            assertTrue(driver.findElement(By.id("study-timing")).getText().startsWith("3 / 3 runs done"));

            driver.get(url("/compare?runs=" + String.join(",", ids) + "&series=fact/cosine&colour=iterations"));
            Map<String, String> drawn = waitFor(driver, PAGE_TIMEOUT, d -> {
                Map<String, String> colors = seriesColors(d, "compare-chart-fact/cosine");
                return colors.size() == 3 ? colors : null;
            });
            Map<Object, String> byValue = CurveColours.of(List.of(20000, 40000, 60000));
            Map<String, String> expected = new TreeMap<>();
            byValue.forEach((value, colour) -> expected.put("iterations = " + value, colour));
            assertEquals(expected, drawn, "each run's curve in its iterations value's colour");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "study");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /**
     * The compare page follows a run in progress: its curve gains points before the run finishes and ends with
     * every evaluation, without reloading the page. The run waits in the queue behind a long one (one worker)
     * until the page shows its empty chart, then the long one is cancelled. The page is sampled from inside
     * (chromedriver's commands can wait seconds on a busy machine) with wall-clock times, compared with the run's
     * finishedAt from the API (the browser and the server share this machine's clock).
     */
    @Test
    void theComparePageFollowsARunInProgress() throws Exception {
        String blocker = create(
                "/api/runs",
                "{\"kind\":\"quadratic\",\"preset\":\"quick\",\"name\":\"blocker\"," + "\"spec\":{\"iterations\":"
                        + 100 * ITERATIONS + ",\"evalEvery\":" + 100 * EVAL_EVERY + "}}");
        String runId = create(
                "/api/runs",
                "{\"kind\":\"quadratic\",\"preset\":\"quick\",\"name\":\"compare live\"," + "\"spec\":{\"iterations\":"
                        + ITERATIONS + ",\"evalEvery\":" + EVAL_EVERY + "}}");
        WebDriver driver = newBrowser(tempDir, "compare-live");
        try {
            driver.get(url("/compare?runs=" + runId + "&series=fact/cosine"));
            String chart = "compare-chart-fact/cosine";
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> pointCount(d, chart) == 0 ? true : null);
            assertEquals("QUEUED", runStatus(runId), "the run waits behind the blocker");
            ((JavascriptExecutor) driver).executeScript("""
                    const samples = [];
                    window.factlabCompareSamples = samples;
                    setInterval(() => {
                      const chart = document.getElementById(arguments[0]);
                      const points = chart && typeof chart.pointCount === 'function' ? chart.pointCount() : -1;
                      const last = samples[samples.length - 1];
                      if (!last || last[1] !== points) {
                        samples.push([Date.now(), points]);
                      }
                    }, 50);""", chart);
            HttpResponse<String> cancelled = http.send(
                    HttpRequest.newBuilder(URI.create(url("/api/runs/" + blocker + "/cancel")))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            waitFor(driver, RUN_TIMEOUT, d -> pointCount(d, chart) == EVALUATIONS ? true : null);
            waitFor(driver, PAGE_TIMEOUT, d -> isTerminal(runStatus(runId)) ? true : null);
            Matcher finished = Pattern.compile("\"finishedAt\":\"([^\"]+)\"")
                    .matcher(get("/api/runs/" + runId).body());
            assertTrue(finished.find());
            long finishedAt = Instant.parse(finished.group(1)).toEpochMilli();
            List<?> raw = (List<?>) ((JavascriptExecutor) driver).executeScript("return window.factlabCompareSamples;");
            List<long[]> samples = raw.stream()
                    .map(sample -> ((List<?>) sample)
                            .stream().mapToLong(v -> ((Number) v).longValue()).toArray())
                    .toList();
            System.out.println("BrowserTest compare page (ms before the run finished, points): "
                    + samples.stream()
                            .map(sample -> (finishedAt - sample[0]) + ":" + sample[1])
                            .toList());
            List<Long> beforeTheEnd = samples.stream()
                    .filter(sample -> sample[0] < finishedAt && sample[1] > 0)
                    .map(sample -> sample[1])
                    .toList();
            assertTrue(
                    beforeTheEnd.size() >= 2,
                    "the curve should grow at least twice before the run ended: " + beforeTheEnd);
            assertTrue(beforeTheEnd.get(0) < EVALUATIONS, beforeTheEnd.toString());
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "compare-live");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /**
     * The tabular kind's results on its run page: a {@code quick} suite (iris and wine, four methods) ends with the
     * dataset × method table (both datasets and the mean row, whose accuracies equal the run's summary), the
     * FACT-RFM vs NFA-RFM scatter (a point per dataset and FACT variant, plus the diagonal) and the table's CSV.
     */
    @Test
    void aTabularRunShowsItsResultsTableAndScatter() throws Exception {
        String runId =
                create("/api/runs", "{\"kind\":\"tabular\",\"preset\":\"quick\",\"name\":\"tabular browser test\"}");

        WebDriver driver = newBrowser(tempDir, "tabular");
        try {
            driver.get(url("/runs/" + runId));
            waitFor(driver, RUN_TIMEOUT, d -> "SUCCEEDED".equals(status(d)) ? true : null);
            String run = get("/api/runs/" + runId).body();
            List<String> means = new java.util.ArrayList<>();
            for (String method : List.of("kernel", "nfa", "fact", "fact-geometric")) {
                Matcher mean = Pattern.compile("\"mean_test_accuracy/" + method + "\":([-0-9.eE]+)")
                        .matcher(run);
                assertTrue(mean.find(), method + " in " + run);
                means.add(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * Double.parseDouble(mean.group(1))));
            }
            List<String> cells = waitFor(driver, PAGE_TIMEOUT, d -> {
                List<String> texts = gridTexts(d, "tabular-table");
                return texts.contains("iris")
                                && texts.contains("wine")
                                && texts.contains("mean over 2 datasets")
                                && texts.containsAll(means)
                        ? texts
                        : null;
            });
            assertTrue(
                    cells.stream().filter(t -> t.endsWith("%")).count() >= 2 * 4 + 4,
                    "an accuracy per dataset and method, and the means: " + cells);
            waitFor(driver, PAGE_TIMEOUT, d -> pointCount(d, "chart-tabular-scatter") == 2 * 2 + 2 ? true : null);
            assertEquals(
                    List.of(),
                    driver.findElements(By.cssSelector("#curves [id^='chart-']")).stream()
                            .map(e -> e.getDomAttribute("id"))
                            .toList(),
                    "no one-point curve charts next to the results table");
            HttpResponse<String> csv = get("/api/runs/" + runId + "/tabular.csv");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.body().lines().anyMatch(l -> l.startsWith("iris,")), csv.body());
            assertTrue(csv.body().lines().anyMatch(l -> l.startsWith("wine,")), csv.body());
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(driver, "tabular");
            throw e;
        } finally {
            driver.quit();
        }
    }

    /** POSTs {@code body} to {@code path}, expects 201 and returns the created object's id. */
    private String create(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = Pattern.compile("\"id\":\"([a-z0-9]+)\"").matcher(created.body());
        assertTrue(id.find(), created.body());
        return id.group(1);
    }

    /** The texts of a Vaadin grid's cells (header and body), read in one script. */
    private static List<String> gridTexts(WebDriver driver, String gridId) {
        List<?> texts = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) { return []; }
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .map(c => c.textContent.trim());""", gridId);
        return texts.stream().map(String::valueOf).toList();
    }

    /**
     * The texts of one column of the study table, found by its header, read in one script: the page redraws the
     * table as runs end, so element handles would go stale between commands.
     */
    private static List<String> tableColumn(WebDriver driver, String header) {
        List<?> column = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const table = document.querySelector('#study-table table');
                if (!table) { return []; }
                const index = [...table.querySelectorAll('th')].map(th => th.textContent.trim()).indexOf(arguments[0]);
                if (index < 0) { return []; }
                return [...table.querySelectorAll('tbody tr')]
                    .map(tr => tr.children[index].textContent.trim());""", header);
        return column.stream().map(String::valueOf).toList();
    }

    /** The run's status through the API (for use inside waits, which cannot throw checked exceptions). */
    private String runStatus(String runId) {
        try {
            Matcher m = Pattern.compile("\"status\":\"([A-Z_]+)\"")
                    .matcher(get("/api/runs/" + runId).body());
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        return raw.stream()
                .map(sample -> ((List<?>) sample)
                        .stream().mapToLong(v -> ((Number) v).longValue()).toArray())
                .toList();
    }
}
