package org.factlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** The README's pictures: a test saves one under the folder named by {@code -Dfactlab.screenshots}, when set. */
final class ReadmeScreenshots {

    private ReadmeScreenshots() {}

    /** The page at 1400 px wide and {@code height} px high, as {@code name} (e.g. run-management.png). */
    static void save(WebDriver driver, String name, int height) throws Exception {
        String folder = System.getProperty("factlab.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, height));
        Thread.sleep(1500); // the charts and heatmaps repaint at the new size
        Files.createDirectories(Path.of(folder));
        Files.write(Path.of(folder, name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(size);
    }
}
