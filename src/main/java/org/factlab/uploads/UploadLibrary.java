package org.factlab.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Uploaded files of one sort (models or tables) kept under the datasets directory, each described by an {@code I}
 * (its id, name, owner and what was read from it).
 */
public interface UploadLibrary<I extends UploadLibrary.Described> {

    /** What every upload's description says. */
    interface Described {
        String id();

        /** The account that uploaded it; null with login off. */
        String owner();

        /** The size of the stored file. */
        long bytes();
    }

    /**
     * Reads and keeps a file, or keeps nothing of it.
     *
     * @throws UploadException naming what is wrong with the file (too large, unreadable, unsupported)
     */
    I add(InputStream content, String fileName, String name, String owner, long maxBytes)
            throws UploadException, IOException;

    List<I> list() throws IOException;

    Optional<I> find(String id) throws IOException;

    /** Removes the upload; false when there was none or it may not be deleted (e.g. a bundled one). */
    boolean delete(String id) throws IOException;

    /** Removes what uploads that never finished (the server died) left in their staging folders. */
    void sweepStaging();
}
