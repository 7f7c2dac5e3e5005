package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianLinearDataTest {

    @Test
    void targetsAreTheTeacherAppliedToStandardGaussianInputs() {
        GaussianLinearData data = GaussianLinearData.generate(10, 5, 4000, 7, 3);
        assertEquals(5, data.teacher().length);
        assertEquals(10, data.teacher()[0].length);
        double[] x = data.trainX()[17];
        for (int k = 0; k < 5; k++) {
            double expected = 0;
            for (int j = 0; j < 10; j++) {
                expected += data.teacher()[k][j] * x[j];
            }
            assertEquals(expected, data.trainY()[17][k], 1e-12);
        }
        // sample mean ≈ 0 and variance ≈ 1 per coordinate (4000 draws: standard error ≈ 0.016 and 0.022)
        for (int j = 0; j < 10; j++) {
            double mean = 0;
            double square = 0;
            for (double[] row : data.trainX()) {
                mean += row[j] / 4000;
                square += row[j] * row[j] / 4000;
            }
            assertEquals(0, mean, 0.08);
            assertEquals(1, square - mean * mean, 0.1);
        }
    }

    @Test
    void theTestSetAndTeacherDoNotDependOnTheTrainingSize() {
        GaussianLinearData small = GaussianLinearData.generate(3, 2, 10, 5, 9);
        GaussianLinearData large = GaussianLinearData.generate(3, 2, 50, 5, 9);
        assertArrayEquals(small.teacher()[1], large.teacher()[1]);
        assertArrayEquals(small.testX()[4], large.testX()[4]);
        assertArrayEquals(small.trainX()[9], large.trainX()[9]);
        assertThrows(IllegalArgumentException.class, () -> GaussianLinearData.generate(0, 2, 10, 5, 9));
    }
}
