package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as read from its file(s), before encoding: declared columns, the label column, and one row of text
 * tokens per record ({@code null} = missing value), each with its origin "file:line" for error messages (the file
 * relative to the datasets directory).
 */
final class RawTable {

    /** How a column's tokens become numbers. */
    enum Type {
        /** Numbers. */
        NUMERIC,
        /** One of the declared categories (ARFF nominal). */
        NOMINAL,
        /** Numbers if every present token is a number, categories otherwise (CSV). */
        INFER,
        /** Not a feature (ARFF string and date attributes). */
        SKIP
    }

    /** One column; {@code categories} only for {@link Type#NOMINAL}. */
    record Column(String name, Type type, List<String> categories) {}

    private final List<Column> columns;
    private final int labelColumn;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();

    RawTable(List<Column> columns, int labelColumn) {
        this.columns = List.copyOf(columns);
        this.labelColumn = labelColumn;
    }

    void add(String[] tokens, String origin) {
        rows.add(tokens);
        origins.add(origin);
    }

    List<Column> columns() {
        return columns;
    }

    int labelColumn() {
        return labelColumn;
    }

    List<String[]> rows() {
        return rows;
    }

    String origin(int row) {
        return origins.get(row);
    }
}
