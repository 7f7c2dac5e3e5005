package org.factlab.ui.launch;

/** How spec numbers are written into form fields: exact, and readable for tiny rates like 1e-7. */
final class SpecText {

    private SpecText() {}

    /** A spec value as form text: numbers as {@link #number}, lists comma-separated. */
    static String value(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof java.util.List<?> list) {
            return String.join(", ", list.stream().map(SpecText::value).toList());
        }
        return String.valueOf(v);
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String plain = Double.toString(v);
        return plain.replace("E", "e");
    }
}
