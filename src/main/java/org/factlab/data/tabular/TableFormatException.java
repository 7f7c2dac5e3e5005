package org.factlab.data.tabular;

/**
 * A table file that cannot be read. The message names the file relative to the datasets directory and, where
 * known, the line and column; it never quotes the file's content.
 */
public final class TableFormatException extends RuntimeException {

    public TableFormatException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public TableFormatException(String origin, String message) {
        super(origin + ": " + message);
    }
}
