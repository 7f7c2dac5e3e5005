package org.factlab.runs;

import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.output.ValidateOutput;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema, accepting applied migrations whose comments alone were reworded after release. Flyway's
 * checksum covers comments too, so a database made before such a rewording would otherwise refuse to start. The
 * reworded versions are listed here; their SQL is unchanged. A checksum mismatch on any other version is refused
 * by Flyway as always.
 */
@Component
public class RewordedMigrations implements FlywayMigrationStrategy {

    /**
     * V1 (H2): its first comment pointed at a design document outside the repository; it now names
     * docs/architecture.md. V2–V4 (both vendors): their first comments named issue numbers of a tracker a clone does
     * not contain.
     */
    static final Set<String> REWORDED = Set.of("1", "2", "3", "4");

    @Override
    public void migrate(Flyway flyway) {
        List<String> mismatched = flyway.validateWithResult().invalidMigrations.stream()
                .filter(m -> m.errorDetails != null && m.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH)
                .map((ValidateOutput m) -> m.version)
                .toList();
        if (!mismatched.isEmpty() && REWORDED.containsAll(mismatched)) {
            flyway.repair();
        }
        flyway.migrate();
    }
}
