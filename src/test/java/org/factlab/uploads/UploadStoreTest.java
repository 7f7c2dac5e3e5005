package org.factlab.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging folders never outlive their upload: removed on any error, and swept when left by a dead server. */
class UploadStoreTest {

    @TempDir
    Path root;

    @Test
    void anUploadEndedByAnErrorLeavesNoStagingFolder() {
        UploadStore store = new UploadStore(root);
        InputStream exhausting = new InputStream() {
            private int calls;

            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (++calls > 3) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return len;
            }
        };
        assertThrows(OutOfMemoryError.class, () -> store.stage(exhausting, ".safetensors", Long.MAX_VALUE));
        assertEquals(List.of(), entries());
    }

    @Test
    void staleStagingFoldersAreSweptAndFreshOnesKept() throws IOException {
        Path stale = Files.createDirectories(root.resolve(".staging-aaaaaaaaaaaaaaaa"));
        Files.write(stale.resolve("file.h5"), new byte[100]);
        FileTime old =
                FileTime.from(Instant.now().minus(UploadStore.STALE_STAGING).minusSeconds(60));
        Files.setLastModifiedTime(stale.resolve("file.h5"), old);
        Files.setLastModifiedTime(stale, old);
        Path fresh = Files.createDirectories(root.resolve(".staging-bbbbbbbbbbbbbbbb"));
        new UploadStore(root).sweepStaging();
        assertEquals(List.of(fresh.getFileName().toString()), entries());
    }

    private List<String> entries() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
