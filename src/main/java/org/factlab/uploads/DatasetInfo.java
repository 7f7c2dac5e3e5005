package org.factlab.uploads;

import java.util.List;

/**
 * What {@code /api/datasets} says of an uploaded table: its id, name, rows, features and classes (the sorted distinct
 * labels, the order of the one-hot targets), who uploaded it, when, the file's size, and the image shape [C, H, W]
 * of an {@code .npz} of images (empty for a table, and for uploads stored before images were kept).
 */
public record DatasetInfo(
        String id,
        String name,
        int rows,
        int features,
        List<String> classes,
        String owner,
        String created,
        long bytes,
        List<Integer> imageShape)
        implements UploadLibrary.Described {

    public DatasetInfo {
        imageShape = imageShape == null ? List.of() : List.copyOf(imageShape);
    }
}
