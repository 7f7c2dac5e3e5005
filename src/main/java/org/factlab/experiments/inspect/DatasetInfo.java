package org.factlab.experiments.inspect;

import java.util.List;

/**
 * What {@code /api/datasets} says of an uploaded table: its id, name, rows, features and classes (the sorted distinct
 * labels, the order of the one-hot targets), who uploaded it, when, and the file's size.
 */
public record DatasetInfo(String id, String name, int rows, int features, List<String> classes, String owner,
                          String created, long bytes)
        implements UploadLibrary.Described {
}
