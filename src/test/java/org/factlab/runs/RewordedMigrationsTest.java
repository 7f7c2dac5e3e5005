package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/** A database made before a migration's comment was reworded still starts; a changed migration is still refused. */
class RewordedMigrationsTest {

    private static final String OLD_CHECKSUM = "123456789";

    @Test
    void aRewordedCommentIsRepairedAndTheSchemaMigrates() throws Exception {
        String url = "jdbc:h2:mem:reworded;DB_CLOSE_DELAY=-1";
        Flyway flyway = flyway(url);
        flyway.migrate();
        execute(
                url,
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = " + OLD_CHECKSUM + " WHERE \"version\" = '1'");

        assertDoesNotThrow(() -> new RewordedMigrations().migrate(flyway(url)));
        assertEquals(flyway.info().applied()[0].getChecksum(), checksumOfV1(url), "V1's checksum realigned");
    }

    @Test
    void aMismatchOnAnotherVersionIsStillRefused() throws Exception {
        String url = "jdbc:h2:mem:changed;DB_CLOSE_DELAY=-1";
        flyway(url).migrate();
        execute(
                url,
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = " + OLD_CHECKSUM + " WHERE \"version\" = '5'");

        assertThrows(FlywayValidateException.class, () -> new RewordedMigrations().migrate(flyway(url)));
    }

    private static Flyway flyway(String url) {
        return Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/h2")
                .load();
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static Integer checksumOfV1(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
