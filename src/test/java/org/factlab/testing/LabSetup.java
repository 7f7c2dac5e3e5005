package org.factlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The data folder of one test context: a fresh temporary folder as {@code factlab.data-dir} (the H2 database and
 * whatever a test keeps there), deleted when the context closes; with {@code factlab.auth.enabled=true} and no
 * accounts configured, the accounts of {@link TestAccounts}. The test's own properties take precedence.
 */
public final class LabSetup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path folder = newFolder();
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> settings = new HashMap<>();
        settings.put("factlab.data-dir", folder.toString());
        if (environment.getProperty("factlab.auth.enabled", Boolean.class, false)
                && !environment.containsProperty("factlab.auth.users[0].name")) {
            settings.putAll(TestAccounts.properties());
        }
        environment
                .getPropertySources()
                .addBefore(
                        StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                        new MapPropertySource("factlab test lab", settings));
        // Registered first, so destroyed last: after the database has closed its files.
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("labFolder", () -> delete(folder));
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("factlab-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
