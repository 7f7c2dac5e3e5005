package org.factlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.factlab.data.ModularArithmeticData.Operation;
import org.junit.jupiter.api.Test;

class ModularArithmeticDataTest {

    @Test
    void everyPairAppearsOnceWithItsOneHotEncodingAndLabel() {
        int p = 7;
        ModularArithmeticData data = ModularArithmeticData.generate(p, Operation.ADD, 0.5, 1);
        assertEquals(25, data.trainX().length);
        assertEquals(24, data.testX().length);
        Set<String> pairs = new HashSet<>();
        check(data.trainX(), data.trainY(), data.trainLabels(), p, pairs, Operation.ADD);
        check(data.testX(), data.testY(), data.testLabels(), p, pairs, Operation.ADD);
        assertEquals(49, pairs.size());
    }

    @Test
    void operations() {
        assertEquals(1, Operation.ADD.apply(5, 3, 7));
        assertEquals(2, Operation.SUB.apply(5, 3, 7));
        assertEquals(5, Operation.SUB.apply(1, 3, 7));
        assertEquals(1, Operation.MUL.apply(5, 3, 7));
        for (int a = 0; a < 11; a++) {
            for (int b = 1; b < 11; b++) {
                assertEquals(a, Operation.MUL.apply(Operation.DIV.apply(a, b, 11), b, 11));
            }
        }
    }

    @Test
    void divisionLeavesOutZeroAndNeedsAPrime() {
        ModularArithmeticData data = ModularArithmeticData.generate(5, Operation.DIV, 0.5, 2);
        assertEquals(20, data.trainX().length + data.testX().length);
        Set<String> pairs = new HashSet<>();
        check(data.trainX(), data.trainY(), data.trainLabels(), 5, pairs, Operation.DIV);
        assertThrows(IllegalArgumentException.class, () -> ModularArithmeticData.generate(6, Operation.DIV, 0.5, 0));
    }

    @Test
    void theSplitIsSeeded() {
        ModularArithmeticData a = ModularArithmeticData.generate(11, Operation.MUL, 0.3, 4);
        ModularArithmeticData b = ModularArithmeticData.generate(11, Operation.MUL, 0.3, 4);
        assertArrayEquals(a.trainX(), b.trainX());
        assertEquals(36, a.trainX().length);
    }

    private static void check(double[][] x, double[][] y, int[] labels, int p, Set<String> pairs, Operation op) {
        for (int i = 0; i < x.length; i++) {
            int a = -1;
            int b = -1;
            for (int j = 0; j < p; j++) {
                a = x[i][j] == 1 ? j : a;
                b = x[i][p + j] == 1 ? j : b;
            }
            assertEquals(2.0, Arrays.stream(x[i]).sum());
            assertEquals(op.apply(a, b, p), labels[i]);
            assertEquals(1.0, y[i][labels[i]]);
            assertEquals(1.0, Arrays.stream(y[i]).sum());
            pairs.add(a + "," + b);
        }
    }
}
