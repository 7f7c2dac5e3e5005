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

/** The CIFAR-10 binary reader on small batch files generated here. */
class Cifar10ReaderTest {

    @TempDir
    Path datasets;

    /** Record bytes: label, then red, green, blue planes with pixel value (label + 3·j + channel) mod 256. */
    private static byte[] records(int... labels) {
        byte[] out = new byte[labels.length * 3073];
        for (int r = 0; r < labels.length; r++) {
            out[r * 3073] = (byte) labels[r];
            for (int channel = 0; channel < 3; channel++) {
                for (int j = 0; j < 1024; j++) {
                    out[r * 3073 + 1 + channel * 1024 + j] = (byte) ((labels[r] + 3 * j + channel) % 256);
                }
            }
        }
        return out;
    }

    private Path folder() throws IOException {
        return Files.createDirectories(datasets.resolve("cifar-10-batches-bin"));
    }

    @Test
    void theTrainingPartConcatenatesTheFiveBatchesInChannelMajorOrder() throws IOException {
        Path folder = folder();
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), records(b, 9 - b));
        }
        LabeledData train = ImageDatasets.load("cifar10", true, datasets);
        assertEquals(10, train.n());
        assertEquals(3072, train.d());
        assertArrayEquals(new int[] {1, 8, 2, 7, 3, 6, 4, 5, 5, 4}, train.labels());
        int row = 3;
        int label = 7;
        int green = 1024;
        assertEquals(((label + 3 * 10 + 1) % 256) / 255.0, train.features()[row * 3072 + green + 10], 1e-7);
        assertEquals(((label + 3 * 1023 + 2) % 256) / 255.0, train.features()[row * 3072 + 3071], 1e-7);
    }

    @Test
    void theTestPartIsTheTestBatch() throws IOException {
        Files.write(folder().resolve("test_batch.bin"), records(0, 3, 9));
        LabeledData test = ImageDatasets.load("cifar10", false, datasets);
        assertArrayEquals(new int[] {0, 3, 9}, test.labels());
        assertEquals(0.0, test.features()[0]);
        assertEquals(((9 + 3 * 5) % 256) / 255.0, test.features()[2 * 3072 + 5], 1e-7);
    }

    @Test
    void missingBatchesAreNamedWithTheFolderAndTheDownload() throws IOException {
        Path folder = folder();
        Files.write(folder.resolve("data_batch_1.bin"), records(1));
        DatasetMissingException e =
                assertThrows(DatasetMissingException.class, () -> ImageDatasets.load("cifar10", true, datasets));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertTrue(
                e.getMessage().contains("data_batch_2.bin") && e.getMessage().contains("data_batch_5.bin"),
                e.getMessage());
        assertTrue(e.getMessage().contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedWithTheFileAndRecord() throws IOException {
        Path file = folder().resolve("test_batch.bin");
        Files.write(file, Arrays.copyOf(records(1, 2, 3), 2 * 3073 + 100));
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.load("cifar10", false, datasets));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aLabelOutside0To9IsReportedWithTheFileAndRecord() throws IOException {
        Path file = folder().resolve("test_batch.bin");
        Files.write(file, records(4, 12));
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.load("cifar10", false, datasets));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("record 1"), e.getMessage());
        assertTrue(e.getMessage().contains("label 12"), e.getMessage());
    }
}
