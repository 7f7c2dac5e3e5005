package org.factlab.runs;

import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every test of {@link RunManagementIntegrationTest} on a real PostgreSQL server with profile {@code postgres}: the
 * V6 migration, deletion with its cascades and the edits run on both databases.
 */
@SlowTest
@ActiveProfiles("postgres")
@DirtiesContext
@ExtendWith(PostgresCluster.ForTestClass.class)
class PostgresRunManagementIntegrationTest extends RunManagementIntegrationTest {

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        PostgresCluster.register(registry);
    }
}
