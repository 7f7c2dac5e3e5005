package org.factlab.ui;

/** How spec numbers are written into form fields: exact, and readable for tiny rates like 1e-7. */
final class SpecText {

    private SpecText() {
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String plain = Double.toString(v);
        return plain.replace("E", "e");
    }
}
