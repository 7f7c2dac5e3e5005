package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The MNIST bundled in data/mnist/, against its published facts (yann.lecun.com/exdb/mnist). */
class BundledMnistTest {

    private static final Path DATASETS = Path.of("data");

    @Test
    void trainingPartHasTheKnownCountsAndFirstLabel() throws IOException {
        assertPart(true, 5, new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949});
    }

    @Test
    void testPartHasTheKnownCountsAndFirstLabel() throws IOException {
        assertPart(false, 7, new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009});
    }

    /**
     * The subset read straight from the files (only its rows converted) is the subset of the whole part: the same
     * rows, order, pixels and labels; a size beyond the part is refused with the part's range.
     */
    @Test
    void stratifiedSubsetsReadFromTheFilesEqualThoseOfTheWholePart() throws IOException {
        for (boolean train : new boolean[] {true, false}) {
            LabeledData all = ImageDatasets.load("mnist", train, DATASETS);
            for (int n : new int[] {1, 500, 1234}) {
                LabeledData direct = ImageDatasets.stratified("mnist", train, DATASETS, available -> n, 7 + n);
                LabeledData viaAll = Subsets.stratified(all, n, 7 + n);
                assertArrayEquals(viaAll.labels(), direct.labels(), "labels, n = " + n);
                assertArrayEquals(viaAll.features(), direct.features(), "pixels, n = " + n);
                assertEquals(all.d(), direct.d());
            }
        }
        LabeledData wholeTest =
                ImageDatasets.stratified("mnist", false, DATASETS, available -> Math.min(20000, available), 1);
        assertEquals(10000, wholeTest.n(), "clamped to the part");
        IllegalArgumentException tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> ImageDatasets.stratified("mnist", true, DATASETS, available -> 60001, 0));
        assertEquals("subset size n must be in 1..60000; got 60001", tooMany.getMessage());
    }

    /** n = Σ class counts (60000 / 10000), 28×28 pixels spanning [0, 1] exactly (0 and 255 occur). */
    private static void assertPart(boolean train, int firstLabel, int[] classCounts) throws IOException {
        LabeledData part = ImageDatasets.load("mnist", train, DATASETS);
        assertEquals(train ? 60000 : 10000, part.n());
        assertEquals(part.n(), Arrays.stream(classCounts).sum());
        assertEquals(28 * 28, part.d());
        assertEquals(firstLabel, part.labels()[0]);
        assertArrayEquals(classCounts, part.classCounts());
        assertPixelsSpanZeroToOne(part);
    }

    private static void assertPixelsSpanZeroToOne(LabeledData data) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : data.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }
}
