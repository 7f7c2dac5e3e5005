package org.factlab.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code factlab.*}.
 *
 * @param dataDir           folder of the H2 database and bundled data
 * @param datasetsDir       folder of the bundled and user-supplied datasets (mnist/, uci/, ...)
 * @param memoryBudgetBytes memory one run may use; larger estimates are refused before the run starts
 */
@ConfigurationProperties("factlab")
public record FactlabProperties(String dataDir, String datasetsDir, long memoryBudgetBytes, Versions versions) {

    /** Library versions recorded with each run. */
    public record Versions(String dl4j, String factlab) {
    }
}
