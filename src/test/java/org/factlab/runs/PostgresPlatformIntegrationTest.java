package org.factlab.runs;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every REST API test of {@link RunPlatformIntegrationTest}, on a real PostgreSQL server with profile
 * {@code postgres}: the PostgreSQL migrations build the same schema and the repositories' SQL runs on both.
 */
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresPlatformIntegrationTest extends RunPlatformIntegrationTest {

    static PostgresCluster postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresCluster.startOrSkip();
    }

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.url());
        registry.add("spring.datasource.username", () -> PostgresCluster.USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
