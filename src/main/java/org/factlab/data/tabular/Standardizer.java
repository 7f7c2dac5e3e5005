package org.factlab.data.tabular;

/**
 * Per-column preprocessing fitted on the training rows only: a missing value ({@code NaN}) becomes the column's
 * training mean (for a one-hot column: the training frequency of that category), then, when scaling, every value
 * becomes (x − mean) / std with the training mean and population standard deviation (std 1 for a column that is
 * constant on the training rows), so missing values end at 0.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] std;
    private final boolean scaled;

    private Standardizer(double[] mean, double[] std, boolean scaled) {
        this.mean = mean;
        this.std = std;
        this.scaled = scaled;
    }

    /** Fits on {@code train}; with {@code scale} false only the missing values are filled in. */
    public static Standardizer fit(double[][] train, boolean scale) {
        int d = train.length == 0 ? 0 : train[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int count = 0;
            for (double[] row : train) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    count++;
                }
            }
            mean[j] = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (double[] row : train) {
                if (!Double.isNaN(row[j])) {
                    squares += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
            }
            double sd = count == 0 ? 0 : Math.sqrt(squares / count);
            std[j] = sd > 0 ? sd : 1;
        }
        return new Standardizer(mean, std, scale);
    }

    /** New rows, missing values filled in and (when fitted with scaling) standardised. */
    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                double v = Double.isNaN(rows[i][j]) ? mean[j] : rows[i][j];
                out[i][j] = scaled ? (v - mean[j]) / std[j] : v;
            }
        }
        return out;
    }
}
