package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file database gets WRITE_DELAY 0 on every connection, whether or not its URL asks for it. */
class H2DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionToAnH2FileWritesEachCommitAtOnce() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
            pool.setUsername("sa");
            pool.setMaximumPoolSize(2);
            new H2Durability().postProcessBeforeInitialization(pool, "dataSource");
            try (Connection first = pool.getConnection();
                    Connection second = pool.getConnection()) {
                assertEquals("0", writeDelay(first));
                assertEquals("0", writeDelay(second));
            }
        }
    }

    @Test
    void onlyH2FileUrlsAreTouched() {
        assertEquals(true, H2Durability.isH2File("jdbc:h2:file:./data/factlab"));
        assertEquals(true, H2Durability.isH2File("jdbc:h2:./data/factlab;WRITE_DELAY=500"));
        assertEquals(false, H2Durability.isH2File("jdbc:h2:mem:test"));
        assertEquals(false, H2Durability.isH2File("jdbc:postgresql://db/factlab"));
    }

    private static String writeDelay(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement()
                .executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
