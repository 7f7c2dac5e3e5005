package org.factlab.data.tabular;

import java.nio.file.Path;

/** A table file that cannot be read; the message names the file and, where known, the line. */
public final class TableFormatException extends RuntimeException {

    public TableFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public TableFormatException(String origin, String message) {
        super(origin + ": " + message);
    }
}
