package org.factlab.experiments.sweep;

import java.util.List;

/**
 * Mean, sample standard deviation and count of one summary value over the seeds of a setting:
 * mean = Σxᵢ/n, std = √(Σ(xᵢ − mean)²/(n − 1)) (NaN for n &lt; 2), mean NaN for n = 0.
 */
public record SeedStats(double mean, double std, int n) {

    public static SeedStats of(List<Double> values) {
        int n = values.size();
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new SeedStats(mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)), n);
    }
}
