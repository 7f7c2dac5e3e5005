package org.factlab.web.figures;

/**
 * The heatmaps' colour scale, as the run page draws it (frontend/charts/factlab-heatmap.js): blue – white – red
 * symmetric around 0 when the values have both signs, viridis over their own range otherwise; colours are
 * interpolated linearly between evenly spaced stops.
 */
record ColourScale(double low, double high, int[] stops) {

    static final int[] DIVERGING = {0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b};
    static final int[] SEQUENTIAL = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    /** The page's scale for values in [min, max] (NaN when there are none). */
    static ColourScale of(double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return new ColourScale(0, 1, SEQUENTIAL);
        }
        if (min < 0 && max > 0) {
            double bound = Math.max(-min, max);
            return new ColourScale(-bound, bound, DIVERGING);
        }
        return new ColourScale(min, max > min ? max : min + 1, SEQUENTIAL);
    }

    boolean diverging() {
        return stops == DIVERGING;
    }

    /** The colour of a value; values outside [low, high] take the end colours. */
    int colour(double value) {
        double t = Math.max(0, Math.min(1, (value - low) / (high - low)));
        double position = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(position));
        return mix(stops[i], stops[i + 1], position - i);
    }

    private static int mix(int from, int to, double t) {
        int r = (int) Math.round(((from >> 16) & 255) * (1 - t) + ((to >> 16) & 255) * t);
        int g = (int) Math.round(((from >> 8) & 255) * (1 - t) + ((to >> 8) & 255) * t);
        int b = (int) Math.round((from & 255) * (1 - t) + (to & 255) * t);
        return (r << 16) | (g << 8) | b;
    }
}
