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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.runs.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bring your own network in a real browser: on the launch page of the inspect kind, a PyTorch network (safetensors)
 * and its training table (CSV) are uploaded, their ids land in the form, the run is launched with its activation
 * and λ, and its page explains that FACT holds only at a critical point; the recorded Pearson correlation of FACT
 * equals the value PyTorch computed (src/test/python/make_inspect_fixtures.py).
 */
class InspectBrowserTest extends BrowserTestBase {

    private static final Pattern RUN_URL = Pattern.compile("/runs/([a-z0-9]+)$");

    @DynamicPropertySource
    static void uploads(DynamicPropertyRegistry registry) {
        registry.add("factlab.datasets-dir", () -> tempDir.resolve("datasets").toString());
    }

    @Test
    void uploadAPyTorchNetworkAndItsDataThenInspectIt() throws Exception {
        Path model = fixture("mse-tanh.safetensors");
        Path table = fixture("train.csv");
        ApiClient api = new ApiClient(port);
        WebDriver driver = newBrowser(tempDir, "inspect");
        try {
            driver.get(url("/launch?kind=inspect&preset=quick"));
            waitFor(driver, FIRST_PAGE_TIMEOUT, d -> visible(d, "#upload-model"));
            waitForVaadin(driver);
            fileInput(driver, "upload-model").sendKeys(model.toString());
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.id("upload-status")).getText().startsWith("Model ") ? true : null);
            assertTrue(driver.findElement(By.id("upload-status")).getText().contains("3 dense layers, 6 inputs → 3"));
            fileInput(driver, "upload-dataset").sendKeys(table.toString());
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> d.findElement(By.id("upload-status")).getText().startsWith("Table ") ? true : null);
            waitForVaadin(driver);
            String modelId = value(driver, "field-model");
            String datasetId = value(driver, "field-dataset");
            assertTrue(modelId.matches("[a-z0-9]{16}"), modelId);
            assertTrue(datasetId.matches("[a-z0-9]{16}"), datasetId);
            type(driver.findElement(By.cssSelector("#field-lambda input")), "0.001");
            choose(driver, "field-activation", "tanh");
            click(driver.findElement(By.id("launch")));
            String id = waitFor(driver, PAGE_TIMEOUT, d -> {
                Matcher m = RUN_URL.matcher(d.getCurrentUrl());
                return m.find() ? m.group(1) : null;
            });
            JsonNode run = api.awaitStatus(id, "SUCCEEDED");
            double expected = api.readTree(Files.readString(fixture("mse-tanh.reference.json")))
                    .get("series")
                    .get("layer1/fact/pearson")
                    .asDouble();
            assertEquals(expected, run.get("summary").get("layer1/fact/pearson").asDouble(), 1e-6);
            waitFor(
                    driver,
                    PAGE_TIMEOUT,
                    d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                                    .executeScript(
                                            "return [...document.querySelectorAll('#departure')].some(b => !b.hidden "
                                                    + "&& b.offsetHeight > 0 && b.textContent.includes('critical "
                                                    + "point'));"))
                            ? true
                            : null);
            saveEvidence(driver, "inspect");
        } finally {
            driver.quit();
        }
    }

    /** The hidden file input inside a vaadin-upload's shadow root. */
    private static WebElement fileInput(WebDriver driver, String uploadId) {
        return driver.findElement(By.id(uploadId)).getShadowRoot().findElement(By.cssSelector("input[type=file]"));
    }

    private static String value(WebDriver driver, String fieldId) {
        return driver.findElement(By.cssSelector("#" + fieldId + " input")).getDomProperty("value");
    }

    /** Opens a Vaadin select and clicks the item with the given text. */
    private static void choose(WebDriver driver, String selectId, String item) {
        click(driver.findElement(By.id(selectId)));
        WebElement option = waitFor(
                driver,
                PAGE_TIMEOUT,
                d -> d.findElements(By.tagName("vaadin-select-item")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().trim().equals(item))
                        .findFirst()
                        .orElse(null));
        click(option);
        waitForVaadin(driver);
    }

    private static Path fixture(String name) throws Exception {
        Path file = tempDir.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = InspectBrowserTest.class.getResourceAsStream("/inspect/" + name)) {
                Files.copy(in, file);
            }
        }
        return file;
    }
}
