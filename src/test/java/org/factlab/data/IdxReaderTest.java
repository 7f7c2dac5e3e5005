package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private final int[] dims = {5, 4, 3};
    private final byte[] values = IdxFixtures.pattern(60);

    @Test
    void readsPlainFilesBack() throws IOException {
        Path file = IdxFixtures.write(dir.resolve("images-idx3-ubyte"), IdxReader.IMAGES_MAGIC, dims, values, false);
        IdxArray read = IdxReader.read(file, IdxReader.IMAGES_MAGIC);
        assertArrayEquals(dims, read.dims());
        assertArrayEquals(values, read.values());
        assertEquals((31 * 8 + 7) % 256, read.unsigned(8));
    }

    @Test
    void readsGzippedFilesByTheirSuffixOrTheirMagicBytes() throws IOException {
        Path suffixed = IdxFixtures.write(dir.resolve("a.gz"), IdxReader.IMAGES_MAGIC, dims, values, true);
        Path unsuffixed = IdxFixtures.write(dir.resolve("b"), IdxReader.IMAGES_MAGIC, dims, values, true);
        assertArrayEquals(
                values, IdxReader.read(suffixed, IdxReader.IMAGES_MAGIC).values());
        assertArrayEquals(
                values, IdxReader.read(unsuffixed, IdxReader.IMAGES_MAGIC).values());
    }

    @Test
    void readsLabelFiles() throws IOException {
        byte[] labels = {5, 0, 4, 1, 9};
        Path file = IdxFixtures.write(dir.resolve("labels"), IdxReader.LABELS_MAGIC, new int[] {5}, labels, false);
        IdxArray read = IdxReader.read(file, IdxReader.LABELS_MAGIC);
        assertArrayEquals(new int[] {5}, read.dims());
        assertArrayEquals(labels, read.values());
    }

    @Test
    void aWrongMagicNumberIsReportedWithTheFile() throws IOException {
        Path file = IdxFixtures.write(
                dir.resolve("labels-idx1-ubyte"), IdxReader.LABELS_MAGIC, new int[] {3}, new byte[3], false);
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(file, IdxReader.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801") && e.getMessage().contains("0x00000803"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedWithTheFileAndTheMissingBytes() throws IOException {
        Path file =
                IdxFixtures.write(dir.resolve("short"), IdxReader.IMAGES_MAGIC, dims, Arrays.copyOf(values, 50), false);
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(file, IdxReader.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("need 60") && e.getMessage().contains("found 50"), e.getMessage());
    }

    @Test
    void aFileShorterThanItsHeaderOrABrokenGzipIsReportedWithTheFile() throws IOException {
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0, 8});
        Path broken = Files.write(dir.resolve("broken.gz"), new byte[] {0x1F, (byte) 0x8B, 1, 2, 3});
        for (Path file : new Path[] {tiny, broken}) {
            IOException e = assertThrows(IOException.class, () -> IdxReader.read(file, IdxReader.LABELS_MAGIC));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }
}
