package org.factlab.runs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the scripted test kind next to the built-in kinds. */
@TestConfiguration
public class TestKindsConfig {
    @Bean
    ScriptedKind scriptedKind() {
        return new ScriptedKind();
    }
}
