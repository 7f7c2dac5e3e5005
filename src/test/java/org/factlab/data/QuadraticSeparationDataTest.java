package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuadraticSeparationDataTest {

    private final QuadraticSeparationData data = QuadraticSeparationData.of(1e-5, 0.02);

    @Test
    void hasTheWholeGridPlusTheHeavyAtom() {
        assertEquals(82, data.size());
        Set<List<Double>> grid = new HashSet<>();
        for (int i = 0; i < 81; i++) {
            double[] x = data.inputs()[i];
            for (double v : x) {
                assertEquals(true, v == 0 || v == 1 || v == 2);
            }
            grid.add(List.of(x[0], x[1], x[2], x[3]));
            assertEquals(1e-5 / 81, data.weights()[i], 0);
        }
        assertEquals(81, grid.size());
        assertArrayEquals(new double[] {1, 1, 0, 0}, data.inputs()[81], 0);
        assertEquals(1 - 1e-5, data.weights()[81], 0);
    }

    @Test
    void weightsSumToOne() {
        double sum = 0;
        for (double w : data.weights()) {
            sum += w;
        }
        assertEquals(1.0, sum, 1e-15);
    }

    @Test
    void labelsAreTauX1X2PlusX3X4() {
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.inputs()[i];
            assertEquals(0.02 * x[0] * x[1] + x[2] * x[3], data.targets()[i], 0);
        }
        assertEquals(0.02, data.targets()[81], 0);
        assertEquals(0.02 * 4 + 4, QuadraticSeparationData.target(new double[] {2, 2, 2, 2}, 0.02), 1e-15);
    }

    @Test
    void rejectsProbabilityOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> QuadraticSeparationData.of(1.5, 0.02));
        assertThrows(IllegalArgumentException.class, () -> QuadraticSeparationData.of(-0.1, 0.02));
    }
}
