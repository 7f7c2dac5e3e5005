package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link RawTable} into numbers: numeric columns as they are, nominal columns one-hot (one column per
 * category), missing values as {@code NaN} (a missing nominal value makes all its one-hot columns NaN); rows
 * whose label is missing are dropped. Classes keep their declared order (ARFF), otherwise numeric labels sort
 * numerically and text labels alphabetically; classes that never occur are left out.
 */
final class TableEncoder {

    private TableEncoder() {}

    static Table encode(String name, RawTable raw) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < raw.rows().size(); r++) {
            if (raw.rows().get(r)[raw.labelColumn()] != null) {
                rows.add(raw.rows().get(r));
                kept.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new TableFormatException(name, "no rows with a class label");
        }
        List<String> classes = classes(raw, rows);
        int[] labels = new int[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classes.indexOf(rows.get(i)[raw.labelColumn()]);
            if (labels[i] < 0) {
                throw new TableFormatException(raw.origin(kept.get(i)), "the class is not one of the declared classes");
            }
        }
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (int c = 0; c < raw.columns().size(); c++) {
            if (c != raw.labelColumn()) {
                encodeColumn(raw, c, rows, kept, names, columns);
            }
        }
        double[][] x = new double[rows.size()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < x.length; i++) {
                x[i][j] = columns.get(j)[i];
            }
        }
        return new Table(name, x, labels, names, classes);
    }

    private static List<String> classes(RawTable raw, List<String[]> rows) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.add(r[raw.labelColumn()]));
        RawTable.Column label = raw.columns().get(raw.labelColumn());
        if (label.type() == RawTable.Type.NOMINAL) {
            return label.categories().stream().filter(present::contains).toList();
        }
        return sorted(present);
    }

    private static void encodeColumn(
            RawTable raw, int c, List<String[]> rows, List<Integer> kept, List<String> names, List<double[]> columns) {
        RawTable.Column column = raw.columns().get(c);
        if (column.type() == RawTable.Type.SKIP) {
            return;
        }
        boolean numeric = column.type() == RawTable.Type.NUMERIC
                || column.type() == RawTable.Type.INFER && rows.stream().allMatch(r -> r[c] == null || isNumber(r[c]));
        if (numeric) {
            double[] values = new double[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = number(rows.get(i)[c], c, raw.origin(kept.get(i)));
            }
            names.add(column.name());
            columns.add(values);
            return;
        }
        List<String> categories = column.type() == RawTable.Type.NOMINAL
                ? column.categories()
                : sorted(rows.stream().map(r -> r[c]).filter(v -> v != null).toList());
        double[][] oneHot = new double[categories.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String v = rows.get(i)[c];
            if (v == null) {
                for (double[] col : oneHot) {
                    col[i] = Double.NaN;
                }
                continue;
            }
            int k = categories.indexOf(v);
            if (k < 0) {
                throw new TableFormatException(
                        raw.origin(kept.get(i)),
                        "the value of column " + (c + 1) + " is not one of its declared categories");
            }
            oneHot[k][i] = 1;
        }
        for (int k = 0; k < categories.size(); k++) {
            names.add(column.name() + "=" + categories.get(k));
            columns.add(oneHot[k]);
        }
    }

    private static double number(String token, int c, String origin) {
        if (token == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new TableFormatException(origin, "the value of numeric column " + (c + 1) + " is not a number");
        }
    }

    static boolean isNumber(String token) {
        try {
            Double.parseDouble(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Numbers numerically when every value is one, text alphabetically otherwise. */
    private static List<String> sorted(java.util.Collection<String> values) {
        Comparator<String> order = values.stream().allMatch(TableEncoder::isNumber)
                ? Comparator.comparingDouble(Double::parseDouble)
                : Comparator.naturalOrder();
        TreeSet<String> set = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        set.addAll(values);
        return List.copyOf(set);
    }

    static String[] withMissing(String[] tokens) {
        return Arrays.stream(tokens)
                .map(t -> t == null || t.isEmpty() || t.equals("?") ? null : t)
                .toArray(String[]::new);
    }
}
