package org.factlab.data;

import java.io.IOException;

/** A dataset's files are not where they are expected; the message names the path(s) and how to get them. */
public class DatasetMissingException extends IOException {

    public DatasetMissingException(String message) {
        super(message);
    }
}
