package org.factlab.ui.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.runs.RunRepository.QueueCount;
import org.factlab.runs.RunStatus;

/**
 * The system page's queue and storage: runs waiting and running, the running ones per worker, and each data folder
 * with the free space on its disk.
 */
final class QueueRows {

    private QueueRows() {}

    /** "runs waiting for a worker", "runs running", then "running on worker w1" per worker. */
    static List<SystemRows.Row> queue(List<QueueCount> counts) {
        long queued = counts.stream()
                .filter(c -> c.status() == RunStatus.QUEUED)
                .mapToLong(QueueCount::count)
                .sum();
        long running = counts.stream()
                .filter(c -> c.status() == RunStatus.RUNNING)
                .mapToLong(QueueCount::count)
                .sum();
        Map<String, Long> perWorker = new TreeMap<>();
        counts.stream()
                .filter(c -> c.status() == RunStatus.RUNNING && c.worker() != null)
                .forEach(c -> perWorker.merge(c.worker(), c.count(), Long::sum));
        List<SystemRows.Row> rows = new ArrayList<>();
        rows.add(new SystemRows.Row("runs waiting for a worker", Long.toString(queued)));
        rows.add(new SystemRows.Row("runs running", Long.toString(running)));
        perWorker.forEach((worker, n) -> rows.add(new SystemRows.Row("running on worker " + worker, Long.toString(n))));
        return rows;
    }

    /** A folder's absolute path and the space left on its disk ("unknown" where it cannot be read). */
    static List<SystemRows.Row> folder(String what, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String free;
        try {
            Path existing = absolute;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            free = existing == null
                    ? "unknown"
                    : SystemRows.bytes(Files.getFileStore(existing).getUsableSpace());
        } catch (IOException | SecurityException e) {
            free = "unknown";
        }
        return List.of(new SystemRows.Row(what, absolute.toString()), new SystemRows.Row("free space there", free));
    }
}
