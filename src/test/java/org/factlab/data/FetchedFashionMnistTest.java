package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Fashion-MNIST as fetched by data/fetch-fashion-mnist.sh (not bundled: skipped when absent), against its
 * published facts (github.com/zalandoresearch/fashion-mnist): 60000 + 10000 28×28 images, 6000 and 1000 per
 * class, the first training image an ankle boot (class 9).
 */
class FetchedFashionMnistTest {

    private static final Path DATASETS = Path.of("data");

    @Test
    void fetchedFilesHaveThePublishedCounts() throws IOException {
        assumeTrue(Files.isDirectory(DATASETS.resolve("fashion-mnist")), "run data/fetch-fashion-mnist.sh first");
        LabeledData train = ImageDatasets.load("fashion-mnist", true, DATASETS);
        LabeledData test = ImageDatasets.load("fashion-mnist", false, DATASETS);
        assertEquals(784, train.d());
        assertEquals(9, train.labels()[0]);
        int[] thousands = new int[10];
        Arrays.fill(thousands, 1000);
        assertArrayEquals(thousands, test.classCounts());
        Arrays.fill(thousands, 6000);
        assertArrayEquals(thousands, train.classCounts());
    }
}
