package org.factlab.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV writing (CRLF line ends, fields with comma, quote or line break quoted, quotes doubled). A cell
 * that starts with {@code = + - @} (or tab / carriage return) and is not a number is prefixed with an
 * apostrophe so spreadsheets do not evaluate it as a formula.
 */
public final class Csv {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN");

    private final StringBuilder out = new StringBuilder();

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Double d ? number(d) : value.toString();
        if (!s.isEmpty()
                && "=+-@\t\r".indexOf(s.charAt(0)) >= 0
                && !NUMBER.matcher(s).matches()) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Shortest text that reads back to the same double. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
