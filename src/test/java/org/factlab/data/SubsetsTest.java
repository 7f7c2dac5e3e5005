package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubsetsTest {

    /** 3 classes with 50, 30 and 20 examples, interleaved; feature row i = (i, 2i, 7) so rows are traceable. */
    private static LabeledData unbalanced() {
        int n = 100;
        int[] labels = new int[n];
        float[] features = new float[n * 3];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
            features[3 * i] = i;
            features[3 * i + 1] = 2 * i;
            features[3 * i + 2] = 7;
        }
        return new LabeledData(features, labels, n, 3, 3);
    }

    @Test
    void classCountsFollowLargestRemainderRounding() {
        // n = 7 of (50, 30, 20)/100: exact shares 3.5, 2.1, 1.4 → floors 3, 2, 1, the one left to class 0.
        assertArrayEquals(
                new int[] {4, 2, 1}, Subsets.stratified(unbalanced(), 7, 1).classCounts());
        // n = 9: shares 4.5, 2.7, 1.8 → floors 4, 2, 1, two left to the largest remainders (classes 2 and 1).
        assertArrayEquals(
                new int[] {4, 3, 2}, Subsets.stratified(unbalanced(), 9, 1).classCounts());
        assertArrayEquals(
                new int[] {25, 15, 10}, Subsets.stratified(unbalanced(), 50, 1).classCounts());
        assertArrayEquals(
                new int[] {50, 30, 20}, Subsets.stratified(unbalanced(), 100, 1).classCounts());
    }

    @Test
    void subsetRowsAreDistinctRowsOfTheDataInTheirOriginalOrder() {
        LabeledData all = unbalanced();
        LabeledData subset = Subsets.stratified(all, 40, 3);
        Set<Integer> seen = new HashSet<>();
        int previous = -1;
        for (int k = 0; k < subset.n(); k++) {
            int i = (int) subset.features()[3 * k];
            assertEquals(2 * i, subset.features()[3 * k + 1]);
            assertEquals(all.labels()[i], subset.labels()[k]);
            assertTrue(seen.add(i) && i > previous);
            previous = i;
        }
    }

    @Test
    void theSameSeedGivesTheSameSubsetAndOtherSeedsOthers() {
        LabeledData a = Subsets.stratified(unbalanced(), 30, 42);
        LabeledData b = Subsets.stratified(unbalanced(), 30, 42);
        LabeledData c = Subsets.stratified(unbalanced(), 30, 43);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.features(), c.features()));
        assertArrayEquals(a.classCounts(), c.classCounts());
    }

    @Test
    void subsetSizesOutsideOneToNAreRejected() {
        for (int n : new int[] {0, 101}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Subsets.stratified(unbalanced(), n, 1));
            assertTrue(e.getMessage().contains("n must be in 1..100"), e.getMessage());
        }
    }

    @Test
    void standardisedFitDataHasMeanZeroAndStdOneAndConstantFeaturesAreOnlyCentred() {
        LabeledData fit = unbalanced();
        LabeledData standardised = Subsets.standardised(fit, fit);
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < fit.n(); i++) {
                double v = standardised.features()[3 * i + j];
                sum += v;
                sumSquares += v * v;
            }
            assertEquals(0, sum / fit.n(), 1e-6);
            assertEquals(1, sumSquares / fit.n(), 1e-5);
        }
        for (int i = 0; i < fit.n(); i++) {
            assertEquals(0f, standardised.features()[3 * i + 2]);
        }
        assertArrayEquals(fit.labels(), standardised.labels());
    }

    @Test
    void standardisationAppliesTheFitStatisticsToOtherData() {
        LabeledData fit = unbalanced();
        // feature 0 over 0..99: mean 49.5, population std √((100² − 1)/12); feature 2 constant 7.
        double std0 = Math.sqrt((100.0 * 100 - 1) / 12);
        LabeledData other = new LabeledData(new float[] {10, 0, 9}, new int[] {2}, 1, 3, 3);
        LabeledData applied = Subsets.standardised(other, fit);
        assertEquals((10 - 49.5) / std0, applied.features()[0], 1e-6);
        assertEquals((0 - 99.0) / (2 * std0), applied.features()[1], 1e-6);
        assertEquals(2f, applied.features()[2]);
        assertThrows(
                IllegalArgumentException.class,
                () -> Subsets.standardised(new LabeledData(new float[2], new int[1], 1, 2, 3), fit));
    }

    @Test
    void oneHotRowsHaveASingleOneAtTheLabel() {
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, Subsets.oneHot(new int[] {2, 0, 1}, 3));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Subsets.oneHot(new int[] {0, 3}, 3));
        assertTrue(e.getMessage().contains("label 1 is 3") && e.getMessage().contains("0..2"), e.getMessage());
    }

    @Test
    void labeledDataRejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> new LabeledData(new float[5], new int[2], 2, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new LabeledData(new float[6], new int[3], 2, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new LabeledData(new float[6], new int[] {0, 2}, 2, 3, 2));
    }
}
