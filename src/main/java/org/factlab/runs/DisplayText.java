package org.factlab.runs;

import org.factlab.experiments.SpecValidationException;

/**
 * Names and notes shown to other people: control characters (C0 and C1, except newline and tab in multi-line notes)
 * and the bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069 (which make text display reversed or
 * out of order) are refused, naming the field.
 */
public final class DisplayText {

    private DisplayText() {}

    /** Throws a 400 naming {@code field} when {@code value} holds a refused character; null is allowed. */
    public static void require(String field, String value, boolean multiLine) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (refused(c, multiLine)) {
                throw new SpecValidationException(
                        field,
                        String.format(
                                "has the character U+%04X at position %d; allowed: text without control characters%s "
                                        + "or bidirectional overrides (U+202A–U+202E, U+2066–U+2069)",
                                (int) c, i + 1, multiLine ? " (newline and tab are fine)" : ""));
            }
        }
    }

    private static boolean refused(char c, boolean multiLine) {
        if (multiLine && (c == '\n' || c == '\t' || c == '\r')) {
            return false;
        }
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
