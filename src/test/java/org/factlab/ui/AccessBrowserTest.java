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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Login on, in a real browser: a researcher signs in through the login form (sent there from the run's link),
 * sees cancel and share on their running run, makes a share link, launches a run from the form that is recorded
 * as theirs, and signs out; the session cannot change anything through the API without the CSRF token. A second
 * browser without an account opens the share link read-only, and is sent to the login when it tries the run's
 * own page. A viewer sees neither cancel, share nor launch. A study is shared the same way from its page and opens
 * read-only under its link, its runs listed without links to pages that need an account. A study's notes are
 * edited by its owner only: a viewer sees them read-only, without Save. Under a share link the heatmaps fetch
 * their values (a session-bound download of the page) without an account.
 */
@LabIntegrationTest(properties = {"factlab.auth.enabled=true", LabIntegrationTest.OWN_DATASETS})
@Import(LayeredTestKind.class)
@SlowTest
class AccessBrowserTest {

    private static final String RESEARCHER = "rita";
    private static final String RESEARCHER_PASSWORD = "researcher-pass";
    private static final Pattern RUN_URL = Pattern.compile("/runs/([a-z0-9]+)$");
    private static final String VIEWER = "vera";
    private static final String VIEWER_PASSWORD = "viewer-pass";

    @TempDir
    static Path tempDir;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void browserInstalled() {
        Browsers.assumeInstalled();
    }

    @Test
    void signInShareAndOpenTheLinkWithoutAnAccount() throws Exception {
        String id = new ObjectMapper()
                .readTree(api(
                                "POST",
                                "/api/runs",
                                "{\"kind\":\"test-scripted\",\"name\":\"shared in a browser\","
                                        + "\"spec\":{\"steps\":100000,\"sleepMs\":5}}")
                        .body())
                .get("id")
                .asText();
        assertEquals(
                200,
                api("PATCH", "/api/runs/" + id, "{\"tags\":[\"fig4\"],\"notes\":\"**seen** by rita\"}")
                        .statusCode());
        String shareUrl;

        WebDriver researcher = newBrowser(tempDir, "researcher");
        try {
            researcher.get(url("/runs/" + id));
            signIn(researcher, RESEARCHER, RESEARCHER_PASSWORD);
            // back on the run's page after the login (Spring Security marks the replayed request with ?continue)
            waitFor(researcher, PAGE_TIMEOUT, d -> d.getCurrentUrl().startsWith(url("/runs/" + id)) ? true : null);
            waitFor(researcher, PAGE_TIMEOUT, d -> visible(d, "#run-status"));
            assertEquals(
                    "rita · researcher",
                    researcher.findElement(By.id("account")).getText().trim());
            assertTrue(researcher.findElement(By.id("cancel-run")).isDisplayed(), "the owner may cancel");
            click(waitFor(researcher, PAGE_TIMEOUT, d -> visible(d, "#share-run")));
            WebElement link = waitFor(researcher, PAGE_TIMEOUT, d -> visible(d, "#share-links a"));
            shareUrl = link.getDomProperty("href");
            assertTrue(shareUrl.matches(url("/s/[A-Za-z0-9_-]{32}")), shareUrl);
            String shown = shareUrl;
            waitFor(researcher, PAGE_TIMEOUT, d -> shown.equals(link.getText().trim()) ? true : null);
            assertTrue(visible(researcher, "#share-links .copy-share-url") != null, "a copy button beside the link");

            assertEquals(200L, fetch(researcher, "GET", "/api/runs/" + id), "downloads work with the session");
            assertEquals(
                    403L,
                    fetch(researcher, "POST", "/api/runs/" + id + "/cancel"),
                    "CSRF: the session alone may not change anything through the API");

            researcher.get(url("/launch?kind=test-scripted&preset=tiny"));
            WebElement launch = waitFor(researcher, PAGE_TIMEOUT, d -> visible(d, "#launch"));
            waitForVaadin(researcher);
            click(launch);
            String launched = waitFor(researcher, PAGE_TIMEOUT, d -> {
                Matcher m = RUN_URL.matcher(d.getCurrentUrl());
                return m.find() && !m.group(1).equals(id) ? m.group(1) : null;
            });
            assertEquals(
                    RESEARCHER,
                    new ObjectMapper()
                            .readTree(api("GET", "/api/runs/" + launched, "").body())
                            .get("owner")
                            .asText(),
                    "a run launched from the form belongs to the signed-in account");

            click(researcher.findElement(By.id("sign-out")));
            waitFor(researcher, PAGE_TIMEOUT, d -> d.getCurrentUrl().endsWith("/login") ? true : null);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(researcher, "access-researcher");
            throw e;
        } finally {
            researcher.quit();
        }

        WebDriver anonymous = newBrowser(tempDir, "anonymous");
        try {
            anonymous.get(shareUrl);
            waitFor(anonymous, FIRST_PAGE_TIMEOUT, d -> visible(d, "#shared-banner"));
            waitFor(anonymous, PAGE_TIMEOUT, d -> "RUNNING".equals(status(d)) ? true : null);
            assertTrue(anonymous.getTitle().startsWith("shared in a browser"), anonymous.getTitle());
            assertEquals(
                    shareUrl + "/metrics.csv",
                    anonymous.findElement(By.cssSelector("#downloads a")).getDomProperty("href"));
            assertTrue(
                    hidden(anonymous, "#cancel-run")
                            && hidden(anonymous, "#overlay")
                            && hidden(anonymous, "#share-run")
                            && hidden(anonymous, "#nav-runs"),
                    "read-only, no navigation");
            assertEquals(
                    "Tags: fig4",
                    anonymous.findElement(By.id("run-tags")).getText().trim());
            assertEquals(
                    "seen",
                    anonymous
                            .findElement(By.cssSelector("#run-notes strong"))
                            .getText()
                            .trim(),
                    "the notes, rendered, read-only");
            assertTrue(
                    hidden(anonymous, "#launch-again")
                            && hidden(anonymous, "#delete-run")
                            && hidden(anonymous, "#edit-run"),
                    "nothing to change under a share link");
            anonymous.get(url("/runs/" + id));
            waitFor(anonymous, PAGE_TIMEOUT, d -> d.getCurrentUrl().endsWith("/login") ? true : null);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(anonymous, "access-anonymous");
            throw e;
        } finally {
            anonymous.quit();
        }

        WebDriver viewer = newBrowser(tempDir, "viewer");
        try {
            viewer.get(url("/runs/" + id));
            signIn(viewer, VIEWER, VIEWER_PASSWORD);
            waitFor(viewer, PAGE_TIMEOUT, d -> "RUNNING".equals(status(d)) ? true : null);
            waitForVaadin(viewer);
            assertTrue(
                    hidden(viewer, "#cancel-run") && hidden(viewer, "#share-run") && hidden(viewer, "#nav-launch"),
                    "a viewer only watches");
            viewer.get(url("/launch"));
            waitForVaadin(viewer);
            assertNull(visible(viewer, "#launch"), "no launch form for a viewer");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(viewer, "access-viewer");
            throw e;
        } finally {
            viewer.quit();
        }
        assertEquals(200, api("POST", "/api/runs/" + id + "/cancel", "").statusCode());
    }

    @Test
    void shareAStudyAndOpenItWithoutAnAccount() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String id = json.readTree(api(
                                "POST",
                                "/api/studies",
                                "{\"kind\":\"test-scripted\",\"name\":\"study shared in a "
                                        + "browser\",\"sweep\":{\"steps\":[3,4]}}")
                        .body())
                .get("id")
                .asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (json.readTree(api("GET", "/api/studies/" + id, "").body())
                .get("status")
                .asText()
                .equals("RUNNING")) {
            assertTrue(System.nanoTime() < deadline, "study " + id + " still running");
            Thread.sleep(100);
        }
        String runName = json.readTree(api(
                                "GET",
                                "/api/runs/"
                                        + json.readTree(api("GET", "/api/studies/" + id, "")
                                                        .body())
                                                .get("runIds")
                                                .get(0)
                                                .asText(),
                                "")
                        .body())
                .get("name")
                .asText();
        String shareUrl;

        WebDriver researcher = newBrowser(tempDir, "study-researcher");
        try {
            researcher.get(url("/studies/" + id));
            signIn(researcher, RESEARCHER, RESEARCHER_PASSWORD);
            waitFor(researcher, PAGE_TIMEOUT, d -> d.getCurrentUrl().startsWith(url("/studies/" + id)) ? true : null);
            click(waitFor(researcher, PAGE_TIMEOUT, d -> visible(d, "#share-study")));
            shareUrl = waitFor(researcher, PAGE_TIMEOUT, d -> visible(d, "#share-links a"))
                    .getDomProperty("href");
            assertTrue(shareUrl.matches(url("/s/[A-Za-z0-9_-]{32}")), shareUrl);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(researcher, "access-study-researcher");
            throw e;
        } finally {
            researcher.quit();
        }

        WebDriver anonymous = newBrowser(tempDir, "study-anonymous");
        try {
            anonymous.get(shareUrl);
            waitFor(anonymous, FIRST_PAGE_TIMEOUT, d -> visible(d, "#shared-banner"));
            assertEquals(shareUrl, anonymous.getCurrentUrl(), "the link stays in the address bar");
            assertTrue(anonymous.getTitle().startsWith("study shared in a browser"), anonymous.getTitle());
            waitFor(
                    anonymous,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.id("study-runs")).getText().contains(runName) ? true : null);
            assertTrue(anonymous.findElements(By.cssSelector("#study-runs a")).isEmpty(), "no links to run pages");
            assertTrue(
                    anonymous
                            .findElement(By.id("study-table-csv"))
                            .getDomProperty("href")
                            .startsWith(shareUrl + "/table.csv?"),
                    "the table downloads through the link");
            assertTrue(
                    hidden(anonymous, "#cancel-study")
                            && hidden(anonymous, "#share-study")
                            && hidden(anonymous, "#study-compare")
                            && hidden(anonymous, "#nav-runs"),
                    "read-only, no navigation");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(anonymous, "access-study-anonymous");
            throw e;
        } finally {
            anonymous.quit();
        }
    }

    @Test
    void onlyTheOwnerOfAStudyEditsItsNotesAViewerSeesThemReadOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String id = json.readTree(api(
                                "POST",
                                "/api/studies",
                                "{\"kind\":\"test-scripted\",\"notes\":\"first notes\",\"sweep\":{\"steps\":[3]}}")
                        .body())
                .get("id")
                .asText();

        WebDriver viewer = newBrowser(tempDir, "notes-viewer");
        try {
            viewer.get(url("/studies/" + id));
            signIn(viewer, VIEWER, VIEWER_PASSWORD);
            WebElement notes = waitFor(viewer, PAGE_TIMEOUT, d -> visible(d, "vaadin-text-area"));
            assertTrue(notes.getDomProperty("readonly").equals("true"), "a viewer's notes field is read-only");
            assertTrue(hidden(viewer, "#save-study-notes"), "a viewer has no Save notes");
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(viewer, "access-notes-viewer");
            throw e;
        } finally {
            viewer.quit();
        }

        WebDriver owner = newBrowser(tempDir, "notes-owner");
        try {
            owner.get(url("/studies/" + id));
            signIn(owner, RESEARCHER, RESEARCHER_PASSWORD);
            WebElement field = waitFor(owner, PAGE_TIMEOUT, d -> visible(d, "vaadin-text-area textarea"));
            field.sendKeys(" and more");
            click(waitFor(owner, PAGE_TIMEOUT, d -> visible(d, "#save-study-notes")));
            waitFor(owner, PAGE_TIMEOUT, d -> {
                try {
                    return json.readTree(api("GET", "/api/studies/" + id, "").body())
                                    .get("notes")
                                    .asText()
                                    .equals("first notes and more")
                            ? true
                            : null;
                } catch (Exception e) {
                    return null;
                }
            });
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(owner, "access-notes-owner");
            throw e;
        } finally {
            owner.quit();
        }
    }

    /** Fills Vaadin's login form and submits it with Enter. */
    private static void signIn(WebDriver driver, String name, String password) {
        WebElement user = waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#login-form input[name='username']"));
        waitForVaadin(driver);
        user.sendKeys(name);
        driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /** Status code of a same-origin fetch from the page: with the session cookie, without a CSRF token. */
    private static long fetch(WebDriver driver, String method, String path) {
        return (Long) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], headers: {'Content-Type': 'application/json'}})
                  .then(r => done(r.status), e => done(-1));""", method, path);
    }

    private static boolean hidden(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.stream().noneMatch(WebElement::isDisplayed);
    }

    @Test
    void aShareLinksHeatmapsLoadTheirValuesWithoutAnAccount() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String id = json.readTree(api(
                                "POST",
                                "/api/runs",
                                "{\"kind\":\"layered-test\",\"name\":\"shared matrices\","
                                        + "\"spec\":{\"depth\":1,\"epochs\":2,\"side\":6,\"holdAt\":-1,\"seed\":0}}")
                        .body())
                .get("id")
                .asText();
        long deadline = System.nanoTime() + PAGE_TIMEOUT.toNanos();
        while (!json.readTree(api("GET", "/api/runs/" + id, "").body())
                .get("status")
                .asText()
                .equals("SUCCEEDED")) {
            assertTrue(System.nanoTime() < deadline, "the run finishes");
            Thread.sleep(100);
        }
        String shareUrl =
                url(json.readTree(api("POST", "/api/runs/" + id + "/share", "").body())
                        .get("url")
                        .asText());

        WebDriver anonymous = newBrowser(tempDir, "anonymous-matrices");
        try {
            anonymous.get(shareUrl);
            waitFor(anonymous, FIRST_PAGE_TIMEOUT, d -> visible(d, "#shared-banner"));
            WebElement heatmap = waitFor(anonymous, PAGE_TIMEOUT, d -> visible(d, "factlab-heatmap"));
            ((JavascriptExecutor) anonymous).executeScript("arguments[0].scrollIntoView();", heatmap);
            // the middle of the plot takes the matrix's colour once the values arrived (blank before)
            waitFor(
                    anonymous,
                    PAGE_TIMEOUT,
                    d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                    const canvas = arguments[0].shadowRoot.querySelector('canvas');
                    if (!canvas || canvas.width === 0) return false;
                    const [r, g, b, a] = canvas.getContext('2d')
                        .getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
                    return a > 0 && !(r > 240 && g > 240 && b > 240);""", heatmap)) ? true : null);
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(anonymous, "access-anonymous-matrices");
            throw e;
        } finally {
            anonymous.quit();
        }
    }

    private static String status(WebDriver driver) {
        List<WebElement> found = driver.findElements(By.id("run-status"));
        return found.isEmpty() ? null : found.get(0).getDomAttribute("data-status");
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((RESEARCHER + ":" + RESEARCHER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
