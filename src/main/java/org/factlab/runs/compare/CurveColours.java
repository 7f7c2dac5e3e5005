package org.factlab.runs.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The colour of each value of the field a comparison is coloured by ("#rrggbb"), so that every curve of runs
 * sharing a value shares its colour. Numeric values get an ordered sequential scale (dark purple → blue → green
 * along viridis, by rank, so n = 1K, 2K, 5K, 60K read as an ordered series); any other values get a categorical
 * palette in order of first appearance. Missing values (null) are grey.
 */
public final class CurveColours {

    /** Twelve distinguishable colours (the line chart's own palette), for text and choice values. */
    static final List<String> CATEGORICAL = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
            "#17becf", "#393b79", "#ad494a");

    static final String MISSING = "#b0b0b0";

    /** Viridis sampled at 0, 1/8, …, 1 (matplotlib); its lightness rises monotonically along the ramp. */
    private static final int[] VIRIDIS = {
        0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xfde725
    };

    /** The ramp's last stretch (bright yellow) is unreadable on white: numeric values stop short of it. */
    private static final double RAMP_END = 0.85;

    private CurveColours() {}

    /** One colour per distinct value, keyed by the value itself (equal values share one entry). */
    public static Map<Object, String> of(Collection<?> values) {
        Set<Object> distinct = new LinkedHashSet<>(values);
        Map<Object, String> colours = new LinkedHashMap<>();
        if (distinct.remove(null)) {
            colours.put(null, MISSING);
        }
        boolean numeric = !distinct.isEmpty() && distinct.stream().allMatch(v -> v instanceof Number);
        List<Object> ordered = new ArrayList<>(distinct);
        if (numeric) {
            ordered.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
            for (int i = 0; i < ordered.size(); i++) {
                colours.put(ordered.get(i), viridis(ordered.size() == 1 ? 0 : RAMP_END * i / (ordered.size() - 1)));
            }
        } else {
            for (int i = 0; i < ordered.size(); i++) {
                colours.put(ordered.get(i), categorical(i));
            }
        }
        return colours;
    }

    /** The i-th categorical colour; past the palette, hues spread by the golden angle at fixed lightness. */
    public static String categorical(int i) {
        if (i < CATEGORICAL.size()) {
            return CATEGORICAL.get(i);
        }
        double hue = ((i - CATEGORICAL.size()) * 137.508) % 360;
        return hex(java.awt.Color.HSBtoRGB((float) (hue / 360), 0.65f, 0.75f) & 0xffffff);
    }

    /** The viridis colour at t in [0, 1], linear in RGB between its stops. */
    static String viridis(double t) {
        double position = Math.min(Math.max(t, 0), 1) * (VIRIDIS.length - 1);
        int low = Math.min((int) Math.floor(position), VIRIDIS.length - 2);
        double f = position - low;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (VIRIDIS[low] >> shift) & 0xff;
            int b = (VIRIDIS[low + 1] >> shift) & 0xff;
            rgb |= (int) Math.round(a + f * (b - a)) << shift;
        }
        return hex(rgb);
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }
}
