package org.factlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MatrixPreviewTest {

    @Test
    void smallMatrixIsKeptCellForCell() {
        float[] data = {1, -2, 3, 4, 5, 6};
        MatrixPreview preview = MatrixPreview.blockReduce(2, 3, data, 200);
        assertEquals(2, preview.rows());
        assertEquals(3, preview.cols());
        assertEquals(1, preview.rowBlock());
        assertEquals(1, preview.colBlock());
        assertArrayEquals(data, preview.values());
        assertEquals(-2f, preview.min());
        assertEquals(6f, preview.max());
    }

    @Test
    void evenSidesAreAveragedOverEqualBlocks() {
        float[] data = new float[400 * 400];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i / 400) * 1000 + (i % 400);
        }
        MatrixPreview preview = MatrixPreview.blockReduce(400, 400, data, 200);
        assertEquals(200, preview.rows());
        assertEquals(200, preview.cols());
        assertEquals(2, preview.rowBlock());
        assertEquals(2, preview.colBlock());
        // block (3, 5): rows 6-7, cols 10-11 -> mean row 6.5, mean col 10.5
        assertEquals(6500f + 10.5f, preview.values()[3 * 200 + 5]);
    }

    @Test
    void lastBlocksAreCutAtTheEdge() {
        float[] data = new float[401 * 10];
        for (int r = 0; r < 401; r++) {
            Arrays.fill(data, r * 10, r * 10 + 10, r);
        }
        MatrixPreview preview = MatrixPreview.blockReduce(401, 10, data, 200);
        assertEquals(3, preview.rowBlock());
        assertEquals(134, preview.rows());
        assertEquals(10, preview.cols());
        assertEquals(1f, preview.values()[0]);
        assertEquals(399.5f, preview.values()[133 * 10]);
        assertEquals(1f, preview.min());
        assertEquals(399.5f, preview.max());
    }

    @Test
    void neverExceedsMaxSide() {
        for (int side : new int[] {1, 199, 200, 201, 399, 401, 784, 4096}) {
            MatrixPreview preview = MatrixPreview.blockReduce(side, 3, new float[side * 3], 200);
            assertTrue(preview.rows() <= 200 && preview.rows() * preview.rowBlock() >= side, "side " + side);
            assertEquals(3, preview.cols());
        }
    }

    @Test
    void nonFiniteValuesAreLeftOutOfMeans() {
        float[] data = {
            1, Float.NaN, Float.NaN, Float.NaN, 3, Float.POSITIVE_INFINITY, Float.NaN, Float.NaN, 0, 0, 0, 0, 0, 0, 0, 0
        };
        MatrixPreview preview = MatrixPreview.blockReduce(4, 4, data, 2);
        assertArrayEquals(new float[] {2f, Float.NaN, 0f, 0f}, preview.values());
        assertEquals(0f, preview.min());
        assertEquals(2f, preview.max());
    }

    @Test
    void allMissingHasNoRange() {
        MatrixPreview preview = MatrixPreview.blockReduce(1, 2, new float[] {Float.NaN, Float.NaN}, 200);
        assertTrue(Float.isNaN(preview.min()));
        assertTrue(Float.isNaN(preview.max()));
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> MatrixPreview.blockReduce(2, 2, new float[3], 200));
        assertThrows(IllegalArgumentException.class, () -> MatrixPreview.blockReduce(0, 2, new float[0], 200));
        assertThrows(IllegalArgumentException.class, () -> MatrixPreview.blockReduce(1, 1, new float[1], 0));
    }
}
