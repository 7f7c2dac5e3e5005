package org.factlab.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code factlab.*}.
 *
 * @param dataDir            folder of the H2 database and bundled data
 * @param datasetsDir        folder of the bundled and user-supplied datasets (mnist/, uci/, ...)
 * @param extraDatasetsDirs  further folders runs may read tables from (a tabular run's {@code folder} is looked up
 *                           under datasetsDir, then under these), set by the administrator; empty by default
 * @param memoryBudgetBytes  memory one run may use; larger estimates are refused before the run starts
 * @param cpuThreads         threads of ND4J's CPU backend (OpenBLAS and element-wise ops, shared by all runs);
 *                           0 keeps ND4J's default of one per core
 * @param quota              per-account limits
 */
@ConfigurationProperties("factlab")
public record FactlabProperties(
        String dataDir,
        String datasetsDir,
        List<String> extraDatasetsDirs,
        long memoryBudgetBytes,
        int cpuThreads,
        Versions versions,
        Quota quota) {

    public FactlabProperties {
        extraDatasetsDirs = extraDatasetsDirs == null ? List.of() : List.copyOf(extraDatasetsDirs);
        quota = quota == null ? new Quota(null, null, null, null, null, null) : quota;
    }

    /** The datasets directory, then the extra roots, as absolute paths. */
    public List<Path> datasetRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of(datasetsDir == null ? "./data" : datasetsDir).toAbsolutePath());
        extraDatasetsDirs.stream()
                .filter(d -> !d.isBlank())
                .forEach(d -> roots.add(Path.of(d.strip()).toAbsolutePath()));
        return roots;
    }

    /** Library versions recorded with each run. */
    public record Versions(String dl4j, String factlab) {}

    /**
     * Settings under {@code factlab.quota.*}.
     *
     * @param runs        the most runs one account may have queued or running at once (default 50)
     * @param maxRunTime  the longest a run may run; it then ends CANCELLED with the reason (default 24 h)
     * @param uploads     the most uploaded models and tables one account may keep (default 20)
     * @param uploadBytes the most bytes of uploaded files one account may keep (default 2 GiB)
     * @param pointsPerRun the most steps of metric values one run stores, thinned evenly over the run, plus its
     *                     last step (default 10000)
     * @param snapshotsPerMatrix the most snapshots of each matrix one run stores, thinned likewise (default 200)
     */
    public record Quota(
            Integer runs,
            Duration maxRunTime,
            Integer uploads,
            Long uploadBytes,
            Integer pointsPerRun,
            Integer snapshotsPerMatrix) {
        public Quota {
            runs = runs == null ? 50 : runs;
            maxRunTime = maxRunTime == null ? Duration.ofHours(24) : maxRunTime;
            uploads = uploads == null ? 20 : uploads;
            uploadBytes = uploadBytes == null ? 2L << 30 : uploadBytes;
            pointsPerRun = pointsPerRun == null ? 10_000 : pointsPerRun;
            snapshotsPerMatrix = snapshotsPerMatrix == null ? 200 : snapshotsPerMatrix;
            if (pointsPerRun < 1 || snapshotsPerMatrix < 1) {
                throw new IllegalArgumentException("factlab.quota.points-per-run and factlab.quota.snapshots-per-matrix"
                        + " are " + pointsPerRun + " and " + snapshotsPerMatrix + "; allowed: 1 or more");
            }
            if (runs < 1) {
                throw new IllegalArgumentException("factlab.quota.runs is " + runs + "; allowed: at least 1");
            }
            if (uploads < 0 || uploadBytes < 0) {
                throw new IllegalArgumentException("factlab.quota.uploads and factlab.quota.upload-bytes are " + uploads
                        + " and " + uploadBytes + "; allowed: 0 or more");
            }
            if (maxRunTime.isNegative() || maxRunTime.isZero()) {
                throw new IllegalArgumentException(
                        "factlab.quota.max-run-time is " + maxRunTime + "; allowed: a positive duration such as 24h");
            }
        }
    }
}
