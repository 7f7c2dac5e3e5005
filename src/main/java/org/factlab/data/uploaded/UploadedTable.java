package org.factlab.data.uploaded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.math.ValueLimit;

/**
 * A table a user uploaded, used exactly as given (float64, no standardisation): n rows of d features and a class
 * label each. {@code classes} are the sorted distinct labels (numerically when every label is a number, else as
 * text), and {@code labels} index into them, so that one-hot targets follow that order. Images (an {@code .npz}
 * whose X is n×C×H×W) keep their shape {@code imageShape} = [C, H, W], each row in (C, H, W) order; it is empty for
 * a table.
 */
public record UploadedTable(
        double[] features, int[] labels, int n, int d, List<String> classes, List<Integer> imageShape) {

    public UploadedTable {
        if (n < 1 || d < 1 || features.length != (long) n * d || labels.length != n || classes.isEmpty()) {
            throw new IllegalArgumentException("an uploaded table needs n ≥ 1 rows of d ≥ 1 features and a label each");
        }
        classes = List.copyOf(classes);
        imageShape = List.copyOf(imageShape);
        if (!imageShape.isEmpty()
                && (imageShape.size() != 3 || (long) imageShape.get(0) * imageShape.get(1) * imageShape.get(2) != d)) {
            throw new IllegalArgumentException("an image shape is [C, H, W] with C·H·W = d");
        }
    }

    /**
     * Reads a {@code .csv} (header row, label last) or an {@code .npz} (arrays X and y) by the file name's ending;
     * a table of more numbers than {@code limit} is refused before they are allocated.
     */
    public static UploadedTable read(Path file, String fileName, ValueLimit limit) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CsvUpload.read(file, limit);
        }
        if (lower.endsWith(".npz")) {
            return NpzUpload.read(file, limit);
        }
        throw new TableFormatException(
                fileName,
                "is not a supported table; allowed: .csv (a header row, the class "
                        + "label in the last column) or .npz (arrays X, n×d or n×C×H×W images, and y, n labels)");
    }

    /** The table from raw labels: classes are their sorted distinct values. */
    static UploadedTable of(double[] features, List<String> rawLabels, int n, int d, List<Integer> imageShape) {
        Set<String> distinct = new LinkedHashSet<>(rawLabels);
        List<String> classes = new ArrayList<>(distinct);
        boolean numeric = classes.stream().allMatch(UploadedTable::isNumber);
        classes.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = index.get(rawLabels.get(i));
        }
        return new UploadedTable(features, labels, n, d, classes, imageShape);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
