package org.factlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.FactLabApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run page's live budget in a real browser: starts FACT Lab (fresh H2 database in a temporary folder, the
 * repository's {@code data/} for MNIST), opens the launch page of the mlp kind's {@code quick} preset in headless
 * Chromium, clicks <em>Launch</em> and, in the page, records
 * <ul>
 *   <li>every main-thread task over 50 ms ({@code PerformanceObserver} entry type {@code longtask}) from the click
 *       until the run ends or {@code seconds} pass (default 60), and prints the longest;</li>
 *   <li>the time from the click to the first point on any line chart of the run page.</li>
 * </ul>
 * Not a test: {@code bench/live-page.sh [seconds]}. Targets: longest task ≤ 200 ms, first point ≤ 2 s.
 */
public final class LivePageBenchmark {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private LivePageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path data = Files.createTempDirectory("factlab-live-bench");
        BenchMachine.printLoad("before");
        ConfigurableApplicationContext app = SpringApplication.run(
                FactLabApplication.class,
                "--server.port=0",
                "--factlab.data-dir=" + data,
                "--factlab.datasets-dir=" + Path.of("data").toAbsolutePath(),
                "--vaadin.devmode.devTools.enabled=false");
        String port = app.getEnvironment().getProperty("local.server.port");
        WebDriver driver = browser(data);
        try {
            driver.get("http://localhost:" + port + "/launch?kind=mlp&preset=quick");
            wait(driver, Duration.ofSeconds(300))
                    .until(d -> !d.findElements(By.id("launch")).isEmpty());
            Thread.sleep(2000); // let the launch page settle: its own work is not the run page's
            js(driver).executeScript("""
                    window.factlabBench = {tasks: [], click: null, page: null, running: null, firstPoint: null,
                                           end: null};
                    const bench = window.factlabBench;
                    new PerformanceObserver(list => list.getEntries().forEach(e => {
                      if (bench.click !== null && e.startTime >= bench.click) {
                        bench.tasks.push([e.duration, e.startTime - bench.click]);
                      }
                    })).observe({type: 'longtask', buffered: false});
                    bench.frames = [];
                    bench.renders = [];
                    for (const tag of ['factlab-line-chart', 'factlab-heatmap']) {
                      const proto = customElements.get(tag).prototype;
                      const render = proto.render;
                      proto.render = function(chart) {
                        const t0 = performance.now();
                        render.call(this, chart);
                        const ms = performance.now() - t0;
                        if (ms > 40) { bench.renders.push(`${tag}#${this.id} ${Math.round(ms)} ms`); }
                      };
                    }
                    new PerformanceObserver(list => list.getEntries().forEach(e => {
                      if (bench.click !== null && e.duration > arguments[0]) {
                        bench.frames.push({ms: Math.round(e.duration), at: Math.round(e.startTime - bench.click),
                          scripts: e.scripts.map(x => `${x.invoker}|${x.sourceFunctionName}|`
                            + `${(x.sourceURL || '').split('/').pop()}:${Math.round(x.duration)}`)});
                      }
                    })).observe({type: 'long-animation-frame', buffered: false});
                    document.getElementById('launch').addEventListener('click', () => {
                      bench.click = performance.now();
                    }, {capture: true});
                    setInterval(() => {
                      if (bench.click === null) { return; }
                      if (bench.firstPoint === null && [...document.querySelectorAll('factlab-line-chart')]
                          .some(c => typeof c.pointCount === 'function' && c.pointCount() > 0)) {
                        bench.firstPoint = performance.now() - bench.click;
                      }
                      const status = document.getElementById('run-status');
                      const s = status && status.getAttribute('data-status');
                      const now = performance.now() - bench.click;
                      if (bench.page === null && status) { bench.page = now; }
                      if (bench.running === null && s === 'RUNNING') { bench.running = now; }
                      if (bench.end === null && s && s !== 'QUEUED' && s !== 'RUNNING') {
                        bench.end = performance.now() - bench.click;
                      }
                    }, 20);""", Integer.getInteger("frames", 300));
            // the views scroll inside the layout's content area: bring the button into view first
            js(driver)
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id("launch")));
            driver.findElement(By.id("launch")).click();
            long start = System.nanoTime();
            while ((System.nanoTime() - start) / 1e9 < seconds && ended(driver) == null) {
                Thread.sleep(500);
            }
            Map<?, ?> bench = (Map<?, ?>) js(driver).executeScript("return window.factlabBench;");
            List<?> tasks = (List<?>) bench.get("tasks");
            double longest = tasks.stream()
                    .mapToDouble(t -> number(((List<?>) t).get(0)))
                    .max()
                    .orElse(0);
            String top = tasks.stream()
                    .map(t -> (List<?>) t)
                    .sorted((a, b) -> Double.compare(number(b.get(0)), number(a.get(0))))
                    .limit(8)
                    .map(t ->
                            String.format(Locale.ROOT, "%.0f ms at %.1f s", number(t.get(0)), number(t.get(1)) / 1000))
                    .toList()
                    .toString();
            System.out.printf(
                    Locale.ROOT,
                    "run page of mlp/quick: %s after %.1f s of watching%n",
                    ended(driver) == null ? "still running" : "run ended",
                    (System.nanoTime() - start) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "long tasks (> 50 ms): %d, longest %.0f ms (target ≤ 200 ms)%n",
                    tasks.size(),
                    longest);
            System.out.printf(Locale.ROOT, "long tasks: longest ones (duration at time after the click): %s%n", top);
            if (System.getProperty("frames") != null) {
                ((List<?>) bench.get("frames")).forEach(f -> System.out.println("long task frame: " + f));
                System.out.println("long task renders: " + bench.get("renders"));
            }
            System.out.printf(
                    Locale.ROOT,
                    "run page: shown at %s s, RUNNING at %s s, run ended at %s s%n",
                    seconds(bench.get("page")),
                    seconds(bench.get("running")),
                    seconds(bench.get("end")));
            Object first = bench.get("firstPoint");
            System.out.printf(
                    Locale.ROOT,
                    "Launch click → first curve point: %s (target ≤ 2 s)%n",
                    first == null
                            ? "none"
                            : String.format(Locale.ROOT, "%.2f s", ((Number) first).doubleValue() / 1000));
        } finally {
            driver.quit();
            app.close();
            BenchMachine.printLoad("after");
        }
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    private static String seconds(Object ms) {
        return ms == null ? "—" : String.format(Locale.ROOT, "%.2f", number(ms) / 1000);
    }

    private static Object ended(WebDriver driver) {
        return js(driver).executeScript("return window.factlabBench && window.factlabBench.end;");
    }

    private static WebDriver browser(Path profiles) throws Exception {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium-"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(300));
        return driver;
    }

    private static WebDriverWait wait(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }
}
