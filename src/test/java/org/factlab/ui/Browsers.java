package org.factlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: Debian's headless Chromium driven by its chromedriver (no TestBench, and both
 * binaries given explicitly, so Selenium Manager never downloads anything), waits, clicks and typing that work in
 * Vaadin views, the run page's status, the charts' pointCount() test hook, and evidence saved on failure.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * The first page of a JVM: Vaadin dev mode needs some seconds, and minutes (npm install + Vite) when the
     * committed src/main/bundles/dev.bundle is stale ("A development mode bundle build is needed" in the log).
     */
    static final Duration FIRST_PAGE_TIMEOUT = Duration.ofSeconds(300);

    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private Browsers() {}

    /** Skips the calling test class when Chromium is absent ({@code apt-get install chromium chromium-driver}). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is absent: browser tests skipped");
        Assertions.assertTrue(
                Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing (Debian package chromium-driver)");
    }

    /** A headless Chromium with a fresh profile under {@code profiles}. */
    static WebDriver newBrowser(Path profiles, String name) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        Path profile = Files.createTempDirectory(profiles, "chromium-" + name + "-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(FIRST_PAGE_TIMEOUT);
        return driver;
    }

    static <T> T waitFor(WebDriver driver, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    }

    static WebElement visible(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    }

    /** Until no Vaadin client has a request in flight (what TestBench's waitForVaadin checks). */
    static void waitForVaadin(WebDriver driver) {
        waitFor(driver, PAGE_TIMEOUT, d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) { return false; }
                return Object.values(flow.clients).every(c => !c.isActive || !c.isActive());""") ? true : null);
    }

    /**
     * Scrolls the element to the middle of the view first: the views scroll inside the layout's content area,
     * which chromedriver's own scrolling leaves alone ("element click intercepted").
     */
    static void click(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) ((WrapsDriver) element).getWrappedDriver();
        js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        element.click();
    }

    /** Replaces an input's text as a user would, then leaves it (Vaadin syncs text fields on change). */
    static void type(WebElement input, String text) {
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    /** The run page's status ({@code data-status} of #run-status), null before the page shows it. */
    static String status(WebDriver driver) {
        List<WebElement> found = driver.findElements(By.id("run-status"));
        return found.isEmpty() ? null : found.get(0).getDomAttribute("data-status");
    }

    static boolean isTerminal(String status) {
        return status != null && !"QUEUED".equals(status) && !"RUNNING".equals(status);
    }

    /** The points a line chart holds, through the element's pointCount() test hook; -1 before it exists. */
    static long pointCount(WebDriver driver, String chartId) {
        Object count = ((JavascriptExecutor) driver).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return chart && typeof chart.pointCount === 'function' ? chart.pointCount() : -1;""", chartId);
        return ((Number) count).longValue();
    }

    /** The colour each series of a line chart is drawn in, by name, through its seriesColors() test hook. */
    static Map<String, String> seriesColors(WebDriver driver, String chartId) {
        Object colors = ((JavascriptExecutor) driver).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return chart && typeof chart.seriesColors === 'function' ? chart.seriesColors() : {};""", chartId);
        Map<String, String> out = new TreeMap<>();
        ((Map<?, ?>) colors).forEach((name, color) -> out.put(String.valueOf(name), String.valueOf(color)));
        return out;
    }

    /** A screenshot and the page source under the build folder, for a failure seen only on CI. */
    static void saveEvidence(WebDriver driver, String name) {
        try {
            Path testClasses = Path.of(Browsers.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = Files.createDirectories(testClasses.getParent().resolve("browser-test"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (Exception ignored) {
            // evidence is best effort; the original failure is what matters
        }
    }
}
