package org.factlab.data.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Stratified folds and subsamples; standardisation fitted on training rows with missing values. */
class SplitsAndStandardizerTest {

    private static final int[] LABELS = IntStream.range(0, 103)
            .map(i -> i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2)
            .toArray();

    @Test
    void foldsPartitionTheRowsWithEveryClassSpreadEvenly() {
        int[][] folds = StratifiedSplits.folds(LABELS, 4, 7);
        int[] all = Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, LABELS.length).toArray(), all, "disjoint and covering");
        for (int c = 0; c < 3; c++) {
            int cls = c;
            long members = Arrays.stream(LABELS).filter(y -> y == cls).count();
            for (int[] fold : folds) {
                long inFold = Arrays.stream(fold).filter(i -> LABELS[i] == cls).count();
                assertTrue(Math.abs(inFold - members / 4.0) <= 1, "class " + c + ": " + inFold + " of " + members);
            }
        }
        assertTrue(Arrays.stream(folds).mapToInt(f -> f.length).max().getAsInt()
                        - Arrays.stream(folds).mapToInt(f -> f.length).min().getAsInt()
                <= 1);
        assertArrayEquals(folds, StratifiedSplits.folds(LABELS, 4, 7), "same seed, same folds");
        assertTrue(!Arrays.deepEquals(folds, StratifiedSplits.folds(LABELS, 4, 8)), "another seed, other folds");
    }

    @Test
    void standardisesWithTrainingStatisticsAndFillsMissingWithTheMean() {
        double[][] train = {{1, 5, Double.NaN}, {3, 5, 2}, {Double.NaN, 5, 4}};
        Standardizer s = Standardizer.fit(train, true);
        double[][] out = s.apply(new double[][] {{2, 5, 3}, {Double.NaN, 7, Double.NaN}, {4, 5, 5}});
        assertArrayEquals(new double[] {0, 0, 0}, out[0], 1e-12, "the means map to 0 (constant column: centred)");
        assertArrayEquals(new double[] {0, 2, 0}, out[1], 1e-12, "missing → mean → 0; constant column std 1");
        assertArrayEquals(new double[] {2, 0, 2}, out[2], 1e-12, "(x − mean)/population std (std 1 here)");
        double[][] raw = Standardizer.fit(train, false).apply(new double[][] {{Double.NaN, 9, Double.NaN}});
        assertArrayEquals(new double[] {2, 9, 3}, raw[0], 1e-12, "without scaling only missing values change");
    }
}
