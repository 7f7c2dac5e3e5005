package org.factlab.data.uploaded;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.math.ValueLimit;

/**
 * A CSV table: a header row, then one row per example of comma-separated numbers with the class label (any text)
 * in the last column. Every feature must be a finite number; empty lines are skipped.
 */
final class CsvUpload {

    private static final String ORIGIN = "file";
    /** One Java array at most. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** The longest line read (a million features of 16 characters each). */
    static final int MAX_LINE_CHARS = 16 << 20;
    /** Rows are stored as they are read, in an array grown by doubling from this many numbers. */
    private static final int FIRST_CAPACITY = 1 << 16;

    private CsvUpload() {}

    static UploadedTable read(Path file, ValueLimit limit) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = line(in, 1);
            if (header == null || header.isBlank()) {
                throw new TableFormatException(ORIGIN, 1, "the CSV is empty; it needs a header row");
            }
            int columns = header.split(",", -1).length;
            if (columns < 2) {
                throw new TableFormatException(
                        ORIGIN,
                        1,
                        "the header names " + columns + " column; a table needs at least one feature and the label");
            }
            int d = columns - 1;
            if (!limit.allows(d)) {
                throw new TableFormatException(ORIGIN, 1, "the header names " + d + " features; " + limit.allowed());
            }
            double[] features = new double[FIRST_CAPACITY];
            List<String> labels = new ArrayList<>();
            int lineNumber = 1;
            for (String line = line(in, 2); line != null; line = line(in, lineNumber + 1)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new TableFormatException(
                            ORIGIN, lineNumber, "has " + cells.length + " columns; the header " + "has " + columns);
                }
                long values = (long) (labels.size() + 1) * d;
                if (!limit.allows(values) || values > MAX_ARRAY) {
                    throw new TableFormatException(
                            ORIGIN,
                            lineNumber,
                            "the table passes " + Math.min(limit.values(), MAX_ARRAY) + " numbers at this row (" + d
                                    + " features per row); " + limit.allowed());
                }
                if ((labels.size() + 1) * d > features.length) {
                    features = Arrays.copyOf(features, (int)
                            Math.min(Math.min(MAX_ARRAY, limit.values()), Math.max(values, 2L * features.length)));
                }
                for (int j = 0; j < d; j++) {
                    features[labels.size() * d + j] = number(cells[j].strip(), lineNumber, j + 1);
                }
                String label = cells[d].strip();
                if (label.isEmpty()) {
                    throw new TableFormatException(ORIGIN, lineNumber, "the label (column " + columns + ") is empty");
                }
                labels.add(label);
            }
            if (labels.isEmpty()) {
                throw new TableFormatException(ORIGIN, lineNumber, "the CSV has a header but no rows");
            }
            return UploadedTable.of(Arrays.copyOf(features, labels.size() * d), labels, labels.size(), d, List.of());
        }
    }

    /**
     * The next line without its end ({@code \n}, {@code \r\n} or {@code \r}), or null at the end of the file; a
     * line longer than {@link #MAX_LINE_CHARS} is refused before it is held whole.
     */
    private static String line(BufferedReader in, int number) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return line.toString();
            }
            if (line.length() == MAX_LINE_CHARS) {
                throw new TableFormatException(
                        ORIGIN,
                        number,
                        "the line is longer than " + MAX_LINE_CHARS + " characters; allowed: at most "
                                + MAX_LINE_CHARS);
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static double number(String cell, int line, int column) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new TableFormatException(ORIGIN, line, "column " + column + " is not a finite number");
    }
}
