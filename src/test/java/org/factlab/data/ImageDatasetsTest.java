package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetsTest {

    @TempDir
    Path datasets;

    @Test
    void anIdxFolderLoadsAsScaledPixelsWithTheirLabels() throws IOException {
        Path folder = Files.createDirectories(datasets.resolve("fashion-mnist"));
        byte[] pixels = IdxFixtures.pattern(3 * 2 * 2);
        IdxFixtures.write(
                folder.resolve("t10k-images-idx3-ubyte.gz"), IdxReader.IMAGES_MAGIC, new int[] {3, 2, 2}, pixels, true);
        IdxFixtures.write(
                folder.resolve("t10k-labels-idx1-ubyte"),
                IdxReader.LABELS_MAGIC,
                new int[] {3},
                new byte[] {9, 0, 3},
                false);
        LabeledData test = ImageDatasets.load("fashion-mnist", false, datasets);
        assertEquals(3, test.n());
        assertEquals(4, test.d());
        assertEquals(10, test.classes());
        assertArrayEquals(new int[] {9, 0, 3}, test.labels());
        for (int i = 0; i < pixels.length; i++) {
            assertEquals((pixels[i] & 0xFF) / 255.0, test.features()[i], 1e-7);
        }
    }

    @Test
    void missingFilesAreNamedWithTheWayToGetThem() {
        DatasetMissingException e =
                assertThrows(DatasetMissingException.class, () -> ImageDatasets.load("fashion-mnist", true, datasets));
        Path expected = datasets.resolve("fashion-mnist");
        assertTrue(
                e.getMessage()
                        .contains(expected.resolve("train-images-idx3-ubyte.gz").toString()),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(expected.resolve("train-labels-idx1-ubyte.gz").toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("fetch-fashion-mnist.sh"), e.getMessage());
        DatasetMissingException cifar =
                assertThrows(DatasetMissingException.class, () -> ImageDatasets.load("cifar10", false, datasets));
        assertTrue(
                cifar.getMessage()
                        .contains(datasets.resolve("cifar-10-batches-bin").toString()),
                cifar.getMessage());
        assertTrue(cifar.getMessage().contains(Cifar10Reader.DOWNLOAD_URL), cifar.getMessage());
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRejected() throws IOException {
        Path folder = Files.createDirectories(datasets.resolve("mnist"));
        IdxFixtures.write(
                folder.resolve("train-images-idx3-ubyte"),
                IdxReader.IMAGES_MAGIC,
                new int[] {2, 1, 1},
                new byte[2],
                false);
        IdxFixtures.write(
                folder.resolve("train-labels-idx1-ubyte"), IdxReader.LABELS_MAGIC, new int[] {3}, new byte[3], false);
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.load("mnist", true, datasets));
        assertTrue(e.getMessage().contains("3 labels") && e.getMessage().contains("2 images"), e.getMessage());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ImageDatasets.load("svhn", true, datasets));
        assertTrue(e.getMessage().contains("dataset") && e.getMessage().contains("cifar10"), e.getMessage());
    }
}
