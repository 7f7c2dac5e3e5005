package org.factlab.web.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at round numbers, and their labels. */
final class Ticks {

    private Ticks() {}

    /** About {@code count} ticks at multiples of 1, 2 or 5 × 10ᵏ within [low, high]. */
    static List<Double> linear(double low, double high, int count) {
        double span = high - low;
        if (!(span > 0)) {
            return List.of(low);
        }
        double raw = span / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step =
                magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) {
            ticks.add(Double.parseDouble(String.format(Locale.ROOT, "%.12g", k * step))); // 3 × 0.2 is 0.6
        }
        return ticks;
    }

    /** As {@link #linear}, but only whole numbers (a step axis): never a tick at step 2.5. */
    static List<Double> whole(double low, double high, int count) {
        List<Double> ticks = linear(low, high, count);
        if (ticks.size() >= 2 && ticks.get(1) - ticks.get(0) >= 1) {
            return ticks;
        }
        List<Double> integers = new ArrayList<>();
        for (double t = Math.ceil(low); t <= high; t++) {
            integers.add(t);
        }
        return integers.isEmpty() ? List.of(Math.rint(low)) : integers;
    }

    /** Powers of ten within [low, high] (both positive), at most about ten of them. */
    static List<Double> log(double low, double high) {
        int first = (int) Math.ceil(Math.log10(low) - 1e-9);
        int last = (int) Math.floor(Math.log10(high) + 1e-9);
        int stride = Math.max(1, (last - first + 1) / 8);
        List<Double> ticks = new ArrayList<>();
        for (int k = first; k <= last; k += stride) {
            ticks.add(Math.pow(10, k));
        }
        return ticks.isEmpty() ? List.of(low) : ticks;
    }

    /** A tick label: four significant digits without trailing zeros, scientific beyond [1e-3, 1e5). */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5) {
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
