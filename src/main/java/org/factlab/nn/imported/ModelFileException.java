package org.factlab.nn.imported;

/** A model file that cannot be used: unreadable, truncated, of another format or of an unsupported architecture. */
public final class ModelFileException extends Exception {

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
