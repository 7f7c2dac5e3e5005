package org.factlab.uploads;

import org.factlab.math.ValueLimit;

/** An uploaded file that was refused (answered 400); nothing of it was kept. */
public class UploadException extends Exception {

    private final String field;

    public UploadException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal is about, e.g. {@code file} or {@code name}. */
    public String field() {
        return field;
    }

    /** A file over the size limit (answered 413). */
    public static final class TooLarge extends UploadException {
        public TooLarge(long maxBytes) {
            super(
                    "file",
                    "the file is larger than " + maxBytes + " bytes; allowed: at most " + maxBytes
                            + " bytes (factlab.models.max-bytes)");
        }
    }

    /** A file whose reading ran out of memory although it is within the limit (answered 400). */
    public static final class OutOfMemory extends UploadException {
        public OutOfMemory(ValueLimit limit) {
            super(
                    "file",
                    "reading the file needs more memory than the server has free; its numbers are within the "
                            + "limit (" + limit.allowed() + "): try again later or send a smaller file");
        }
    }
}
