package org.factlab.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server of a browser test: the whole application on a random port and a fresh H2 database under a temporary
 * folder (which also holds the browser profiles). The test class is skipped when Chromium is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class BrowserTestBase {

    @TempDir
    static Path tempDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("factlab.data-dir", () -> tempDir.resolve("data").toString());
    }

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
