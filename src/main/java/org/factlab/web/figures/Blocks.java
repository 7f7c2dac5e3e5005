package org.factlab.web.figures;

/**
 * A row-major matrix block-averaged so that no side exceeds maxSide: each cell is the mean of the finite values of
 * its block (NaN when there is none); min and max over the cells (NaN when every cell is).
 */
record Blocks(int rows, int cols, int rowBlock, int colBlock, double[] values, double min, double max) {

    static Blocks of(int sourceRows, int sourceCols, float[] data, int maxSide) {
        int rowBlock = (sourceRows + maxSide - 1) / maxSide;
        int colBlock = (sourceCols + maxSide - 1) / maxSide;
        int rows = (sourceRows + rowBlock - 1) / rowBlock;
        int cols = (sourceCols + colBlock - 1) / colBlock;
        double[] sums = new double[rows * cols];
        int[] counts = new int[rows * cols];
        for (int r = 0; r < sourceRows; r++) {
            for (int c = 0; c < sourceCols; c++) {
                float v = data[r * sourceCols + c];
                if (Float.isFinite(v)) {
                    int cell = (r / rowBlock) * cols + c / colBlock;
                    sums[cell] += v;
                    counts[cell]++;
                }
            }
        }
        double min = Double.NaN;
        double max = Double.NaN;
        for (int i = 0; i < sums.length; i++) {
            sums[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
            if (counts[i] > 0) {
                min = Double.isNaN(min) ? sums[i] : Math.min(min, sums[i]);
                max = Double.isNaN(max) ? sums[i] : Math.max(max, sums[i]);
            }
        }
        return new Blocks(rows, cols, rowBlock, colBlock, sums, min, max);
    }
}
