package org.factlab.data.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables read as streams: the row cap is a seeded class-stratified sample taken while reading, a table whose kept
 * rows cannot fit the memory budget is refused before its rows are read, folders are confined to the dataset roots
 * after links, and errors show neither file content nor absolute paths.
 */
class StreamedTablesTest {

    @TempDir
    Path dir;

    @Test
    void theRowCapIsASeededStratifiedSampleTakenWhileReading() throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("big.csv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 30_000; i++) {
                w.write(i + "," + (i % 10 == 0 ? "rare" : "common") + "\n");
            }
        }
        TableFolder folder = TableFolder.open(dir);
        Table sample = folder.load("big", 1000, 7L, Long.MAX_VALUE);
        assertEquals(1000, sample.rows());
        assertEquals(List.of("common", "rare"), sample.classes());
        assertEquals(100, Arrays.stream(sample.labels()).filter(l -> l == 1).count(), "class shares are kept");
        double[] first = Arrays.stream(sample.features()).mapToDouble(r -> r[0]).toArray();
        assertTrue(Arrays.stream(first).max().orElseThrow() > 25_000, "rows from the whole file, not its head");
        assertTrue(isSorted(first), "kept rows stay in file order");
        Table again = folder.load("big", 1000, 7L, Long.MAX_VALUE);
        assertTrue(Arrays.deepEquals(sample.features(), again.features()), "same seed, same sample");
        Table other = folder.load("big", 1000, 8L, Long.MAX_VALUE);
        assertFalse(Arrays.deepEquals(sample.features(), other.features()), "another seed, another sample");
    }

    @Test
    void aTableThatCannotFitIsRefusedBeforeItsRowsAreRead() throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("wide.csv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 2000; i++) {
                w.write("1,2,3,4,5,6,7,8,9," + (i % 2) + "\n");
            }
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TableFolder.open(dir).load("wide", 0, 0L, 100_000));
        assertTrue(
                e.getMessage().contains("reading 2000 of its 2000 rows")
                        && e.getMessage().contains("maxRows"),
                e.getMessage());
        assertEquals(500, TableFolder.open(dir).load("wide", 500, 0L, 1_000_000).rows(), "a cap makes it fit");
    }

    @Test
    void aLabelColumnWithTooManyValuesIsRefused() throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("regression.csv"), StandardCharsets.UTF_8)) {
            for (int i = 0; i <= TableFolder.MAX_CLASSES; i++) {
                w.write(i + "," + i + ".5\n");
            }
        }
        TableFormatException e = assertThrows(
                TableFormatException.class, () -> TableFolder.open(dir).load("regression", 100, 0L, Long.MAX_VALUE));
        assertTrue(
                e.getMessage().contains("more than " + TableFolder.MAX_CLASSES + " distinct values"), e.getMessage());
    }

    @Test
    void foldersAreConfinedToTheRootsAfterLinksAndRefusedAlike() throws IOException {
        Path root = Files.createDirectories(dir.resolve("datasets"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("private.csv"), "secret,1\n2,3\n");
        Files.createDirectories(root.resolve("mine"));
        Files.writeString(root.resolve("mine/ok.csv"), "1,a\n2,b\n");
        Files.createSymbolicLink(root.resolve("mine/private.csv"), outside.resolve("private.csv"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("gone"), dir.resolve("missing"));
        Files.createSymbolicLink(root.resolve("inner"), root.resolve("mine"));
        DatasetRoots roots = new DatasetRoots(List.of(root));
        for (String bad : List.of(
                outside.toString(),
                "/etc",
                "../outside",
                "mine/../../outside",
                "out",
                "out/x",
                "gone",
                "C:\\data",
                "a\u0000b")) {
            assertThrows(DatasetRoots.Refused.class, () -> roots.resolve(bad), bad);
        }
        assertEquals(
                List.of("ok"), TableFolder.open(roots, "mine").names(), "a file linked from outside is not listed");
        assertEquals(List.of("ok"), TableFolder.open(roots, "inner").names(), "a link that stays inside is fine");
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> TableFolder.open(roots, "nothing-here"));
        assertFalse(missing.getMessage().contains(dir.toString()), missing.getMessage());
    }

    @Test
    void anExtraRootIsSearchedAfterTheDatasetsDirectory() throws IOException {
        Path root = Files.createDirectories(dir.resolve("datasets"));
        Path extra = Files.createDirectories(dir.resolve("shared"));
        Files.createDirectories(extra.resolve("lab"));
        Files.writeString(extra.resolve("lab/t.csv"), "1,a\n2,b\n");
        TableFolder folder = TableFolder.open(new DatasetRoots(List.of(root, extra)), "lab");
        assertEquals(List.of("t"), folder.names());
    }

    @Test
    void errorsNameTheFileRelativeToItsRootButNeitherItsContentNorAnAbsolutePath() throws IOException {
        Path root = Files.createDirectories(dir.resolve("datasets"));
        Files.createDirectories(root.resolve("t"));
        Files.writeString(root.resolve("t/first.arff"), "TOPSECRET line\n@data\n");
        Files.writeString(root.resolve("t/value.csv"), "1,2,a\n3,4,b\nTOPSECRET,b\n");
        Files.writeString(root.resolve("t/broken.csv.gz"), "TOPSECRET, not gzip");
        TableFolder folder = TableFolder.open(new DatasetRoots(List.of(root)), "t");
        for (String[] c : List.of(
                new String[] {"first", "t/first.arff:1"},
                new String[] {"value", "t/value.csv:3"},
                new String[] {"broken", "t/broken.csv.gz"})) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> folder.load(c[0]));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
            assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
        }
    }

    private static boolean isSorted(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
