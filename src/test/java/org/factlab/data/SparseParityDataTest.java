package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparseParityDataTest {

    @Test
    void pointsAreSignVectorsScaledToTheUnitSphereAndLabelledByTheSupport() {
        SparseParityData data = SparseParityData.generate(20, 3, 400, 300, null, 5);
        assertEquals(3, data.support().length);
        double v = 1 / Math.sqrt(20);
        double positives = 0;
        for (int i = 0; i < 400; i++) {
            double[] x = data.trainX()[i];
            assertTrue(Arrays.stream(x).allMatch(e -> e == v || e == -v));
            double product =
                    Arrays.stream(data.support()).mapToDouble(k -> x[k]).reduce(1, (a, b) -> a * b);
            assertEquals(product > 0 ? 1.0 : 0.0, data.trainY()[i][0]);
            positives += data.trainY()[i][0];
        }
        assertEquals(300, data.testX().length);
        assertEquals(0.5, positives / 400, 0.1);
    }

    @Test
    void sameSeedSameDataAndTheTestSetDoesNotDependOnN() {
        SparseParityData a = SparseParityData.generate(30, 2, 100, 50, null, 9);
        SparseParityData b = SparseParityData.generate(30, 2, 100, 50, null, 9);
        SparseParityData bigger = SparseParityData.generate(30, 2, 500, 50, null, 9);
        assertArrayEquals(a.trainX(), b.trainX());
        assertArrayEquals(a.support(), bigger.support());
        assertArrayEquals(a.testX(), bigger.testX());
        assertNotEquals(
                Arrays.deepToString(a.trainX()),
                Arrays.deepToString(
                        SparseParityData.generate(30, 2, 100, 50, null, 10).trainX()));
    }

    @Test
    void givenSupportIsUsedAndChecked() {
        assertArrayEquals(
                new int[] {3, 7},
                SparseParityData.generate(10, 2, 5, 5, new int[] {7, 3}, 0).support());
        assertThrows(IllegalArgumentException.class, () -> SparseParityData.generate(10, 2, 5, 5, new int[] {3, 3}, 0));
        assertThrows(
                IllegalArgumentException.class, () -> SparseParityData.generate(10, 2, 5, 5, new int[] {3, 10}, 0));
        assertThrows(IllegalArgumentException.class, () -> SparseParityData.generate(10, 2, 5, 5, new int[] {3}, 0));
    }
}
