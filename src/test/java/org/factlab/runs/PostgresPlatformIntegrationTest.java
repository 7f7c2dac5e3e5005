package org.factlab.runs;

import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every REST API test of {@link RunPlatformIntegrationTest}, on a real PostgreSQL server with profile
 * {@code postgres}: the PostgreSQL migrations build the same schema and the repositories' SQL runs on both.
 */
@SlowTest
@ActiveProfiles("postgres")
@DirtiesContext
@ExtendWith(PostgresCluster.ForTestClass.class)
class PostgresPlatformIntegrationTest extends RunPlatformIntegrationTest {

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        PostgresCluster.register(registry);
    }
}
