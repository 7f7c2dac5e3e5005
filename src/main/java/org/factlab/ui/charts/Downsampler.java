package org.factlab.ui.charts;

import java.util.Arrays;

/**
 * Shrinks a curve to a bounded number of points for drawing while keeping its extremes, so that spikes and
 * divergence stay visible however many steps a run has.
 */
public final class Downsampler {

    /** A curve: y[i] at x[i]. */
    public record Points(double[] x, double[] y) {}

    private Downsampler() {}

    /**
     * Min/max bucket downsampling. Keeps the first and the last point and splits the points between them
     * into {@code (maxPoints - 2) / 2} buckets of consecutive indices; each bucket contributes the points of
     * its lowest and its highest y, in their original order (one point when both are the same). Non-finite
     * y values never count as extremes; a bucket without a finite y contributes its first point as it is,
     * so that a gap stays a gap. A curve of at most {@code maxPoints} points is returned as given (the same
     * arrays).
     *
     * @param x         the x of each point, in drawing order (ascending steps)
     * @param y         the y of each point, as many as x
     * @param maxPoints the most points to return, at least 4
     */
    public static Points minMax(double[] x, double[] y, int maxPoints) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be at least 4, was " + maxPoints);
        }
        int n = x.length;
        if (n <= maxPoints) {
            return new Points(x, y);
        }
        int[] kept = new int[maxPoints];
        int count = 0;
        kept[count++] = 0;
        int inner = n - 2;
        int buckets = (maxPoints - 2) / 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) inner * b / buckets);
            int to = 1 + (int) ((long) inner * (b + 1) / buckets);
            int low = -1;
            int high = -1;
            for (int i = from; i < to; i++) {
                if (Double.isFinite(y[i])) {
                    if (low < 0 || y[i] < y[low]) {
                        low = i;
                    }
                    if (high < 0 || y[i] > y[high]) {
                        high = i;
                    }
                }
            }
            if (low < 0) {
                kept[count++] = from;
            } else {
                kept[count++] = Math.min(low, high);
                if (low != high) {
                    kept[count++] = Math.max(low, high);
                }
            }
        }
        kept[count++] = n - 1;
        return select(x, y, Arrays.copyOf(kept, count));
    }

    private static Points select(double[] x, double[] y, int[] indices) {
        double[] sx = new double[indices.length];
        double[] sy = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            sx[k] = x[indices[k]];
            sy[k] = y[indices[k]];
        }
        return new Points(sx, sy);
    }
}
