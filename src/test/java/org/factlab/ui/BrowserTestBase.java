package org.factlab.ui;

import java.nio.file.Path;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The server of a browser test: the whole application on a random port ({@link LabIntegrationTest}, with the
 * layered test kind; browser tests share it), and a temporary folder of the class's own for the browser profiles.
 * The test class is skipped when Chromium is absent.
 */
@LabIntegrationTest
@Import(LayeredTestKind.class)
@SlowTest
abstract class BrowserTestBase {

    @TempDir
    static Path tempDir;

    @LocalServerPort
    int port;

    @BeforeAll
    static void browserInstalled() {
        Browsers.assumeInstalled();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
