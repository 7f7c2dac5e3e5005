package org.factlab.ui.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factlab.runs.RunRepository.QueueCount;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system page's queue per worker, its data folders with their free space, and free memory only where known. */
class QueueRowsTest {

    @Test
    void theQueueCountsWaitingAndRunningRunsAndEachWorkersShare() {
        List<SystemRows.Row> rows = QueueRows.queue(List.of(
                new QueueCount(null, RunStatus.QUEUED, 3),
                new QueueCount("w1", RunStatus.RUNNING, 1),
                new QueueCount("w2", RunStatus.RUNNING, 2)));
        assertThat(rows)
                .containsExactly(
                        new SystemRows.Row("runs waiting for a worker", "3"),
                        new SystemRows.Row("runs running", "3"),
                        new SystemRows.Row("running on worker w1", "1"),
                        new SystemRows.Row("running on worker w2", "2"));
    }

    @Test
    void aFolderShowsItsPathAndTheFreeSpaceOnItsDisk(@TempDir Path dir) {
        List<SystemRows.Row> rows = QueueRows.folder("data folder", dir.resolve("not-yet-made"));
        assertThat(rows.get(0).value())
                .isEqualTo(dir.resolve("not-yet-made").toAbsolutePath().toString());
        assertThat(rows.get(1).value()).matches("[0-9.]+ (bytes|KiB|MiB|GiB|TiB)");
    }

    @Test
    void deviceMemoryFreeOnlyWhereTheBackendKnowsIt() {
        Map<String, Object> cpu = Map.of("backend", "CPU", "freeMemoryBytes", 1L << 30);
        assertThat(SystemRows.properties(cpu))
                .extracting(SystemRows.Row::property)
                .doesNotContain("device memory free", "freeMemoryBytes");
        Map<String, Object> cuda = Map.of("backend", "CUDA", "freeMemoryBytes", 1L << 30);
        assertThat(SystemRows.properties(cuda)).contains(new SystemRows.Row("device memory free", "1 GiB"));
    }
}
