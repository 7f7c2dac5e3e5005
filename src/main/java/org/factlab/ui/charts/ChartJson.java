package org.factlab.ui.charts;

import java.util.List;

/**
 * Appends the JSON tokens of the payloads sent to the chart elements. Non-finite numbers (NaN, infinities)
 * have no JSON form and are written as null, which the charts draw as a missing value.
 */
final class ChartJson {

    /** Integral values up to this magnitude are written without a fraction ("1200", not "1200.0"). */
    private static final double MAX_EXACT_INTEGER = 0x1p53;

    private ChartJson() {}

    static void appendDouble(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    static void appendFloat(StringBuilder out, float value) {
        if (!Float.isFinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    /** A JSON array of strings. */
    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, values.get(i));
        }
        return out.append(']').toString();
    }

    static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
