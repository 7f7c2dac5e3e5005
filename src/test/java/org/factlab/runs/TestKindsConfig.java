package org.factlab.runs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the scripted test kind next to the built-in kinds. */
@TestConfiguration
public class TestKindsConfig {

    /** A run of the scripted kind that runs for minutes unless cancelled (a queued or running run in tests). */
    public static final String LONG_RUN = "{\"kind\":\"test-scripted\",\"spec\":{\"steps\":100000,\"sleepMs\":5}}";
    /** A run of the scripted kind that ends within a second. */
    public static final String SHORT_RUN = "{\"kind\":\"test-scripted\",\"preset\":\"tiny\"}";

    @Bean
    ScriptedKind scriptedKind() {
        return new ScriptedKind();
    }
}
