package org.factlab.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code factlab.*}.
 *
 * @param dataDir           folder of the H2 database and bundled data
 * @param datasetsDir       folder of the bundled and user-supplied datasets (mnist/, uci/, ...)
 * @param memoryBudgetBytes memory one run may use; larger estimates are refused before the run starts
 * @param cpuThreads        threads of ND4J's CPU backend (OpenBLAS and element-wise ops, shared by all runs);
 *                          0 keeps ND4J's default of one per core
 */
@ConfigurationProperties("factlab")
public record FactlabProperties(String dataDir, String datasetsDir, long memoryBudgetBytes, int cpuThreads,
                                Versions versions) {

    /** Library versions recorded with each run. */
    public record Versions(String dl4j, String factlab) {
    }
}
