package org.factlab.ui.charts;

import java.util.Arrays;

/**
 * A matrix shrunk for display. Cell (r, c) is the mean of the source block of rows
 * {@code [r * rowBlock, (r + 1) * rowBlock)} and columns {@code [c * colBlock, (c + 1) * colBlock)}, cut at
 * the source's last row and column. Non-finite source values are left out of the means; a block without a
 * finite value is NaN.
 *
 * @param values row-major, {@code rows * cols} of them
 * @param min    the least finite value of the preview, NaN when there is none
 * @param max    the greatest finite value of the preview, NaN when there is none
 */
public record MatrixPreview(
        int sourceRows,
        int sourceCols,
        int rowBlock,
        int colBlock,
        int rows,
        int cols,
        float[] values,
        float min,
        float max) {

    /**
     * Block-reduces a row-major matrix so that neither side of the result exceeds maxSide: each side's block
     * is the smallest whole number of source rows (columns) that fits, so a side of at most maxSide keeps
     * blocks of 1.
     */
    public static MatrixPreview blockReduce(int rows, int cols, float[] data, int maxSide) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs a row and a column, was " + rows + "×" + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException(
                    rows + "×" + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
        }
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive, was " + maxSide);
        }
        int rowBlock = ceilDiv(rows, maxSide);
        int colBlock = ceilDiv(cols, maxSide);
        int outRows = ceilDiv(rows, rowBlock);
        int outCols = ceilDiv(cols, colBlock);
        float[] values = new float[outRows * outCols];
        float min = Float.NaN;
        float max = Float.NaN;
        double[] sums = new double[outCols];
        int[] counts = new int[outCols];
        for (int outRow = 0; outRow < outRows; outRow++) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            int lastRow = Math.min((outRow + 1) * rowBlock, rows);
            for (int r = outRow * rowBlock; r < lastRow; r++) {
                int rowStart = r * cols;
                for (int c = 0; c < cols; c++) {
                    float v = data[rowStart + c];
                    if (Float.isFinite(v)) {
                        sums[c / colBlock] += v;
                        counts[c / colBlock]++;
                    }
                }
            }
            for (int outCol = 0; outCol < outCols; outCol++) {
                float mean = counts[outCol] == 0 ? Float.NaN : (float) (sums[outCol] / counts[outCol]);
                values[outRow * outCols + outCol] = mean;
                if (!Float.isNaN(mean)) {
                    min = Float.isNaN(min) ? mean : Math.min(min, mean);
                    max = Float.isNaN(max) ? mean : Math.max(max, mean);
                }
            }
        }
        return new MatrixPreview(rows, cols, rowBlock, colBlock, outRows, outCols, values, min, max);
    }

    /** a / b rounded up, for positive a and b. */
    private static int ceilDiv(int a, int b) {
        return (a - 1) / b + 1;
    }
}
