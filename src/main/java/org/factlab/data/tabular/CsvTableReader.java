package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * Delimited text tables ({@code .csv}, {@code .data}, {@code .txt}, optionally gzip-compressed). The delimiter is
 * the first of comma, semicolon, tab found in the first line, otherwise runs of blanks; fields may be quoted with
 * double quotes ({@code ""} inside for a quote). Blank lines are skipped. Every row must have as many fields as the
 * first. Missing values: empty fields and {@code ?}.
 * <p>
 * Header: with {@link Header#AUTO} the first line is a header when some column holds numbers in every later row
 * but text in the first. scikit-learn's bundled tables start with {@code n,d,class names…}: that line is recognised
 * (its n and d match the file) and the integer labels are replaced by the class names. Columns are typed per
 * {@link RawTable.Type#INFER}: numeric when every present value is a number, nominal (one-hot) otherwise.
 */
final class CsvTableReader {

    /** Whether the first line names the columns. */
    enum Header { AUTO, YES, NO }

    private CsvTableReader() {
    }

    /**
     * @param labelColumn 0-based column of the class label, or −1 for the last column
     */
    static RawTable read(TextLines text, int labelColumn, Header header) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        Character delimiter = null;
        for (int line = 1; line <= text.count(); line++) {
            String s = text.line(line);
            if (s.isBlank()) {
                continue;
            }
            if (delimiter == null) {
                delimiter = delimiterOf(s);
            }
            rows.add(split(s, delimiter, text, line));
            lineNumbers.add(line);
        }
        if (rows.isEmpty()) {
            throw text.error(0, "no rows");
        }
        List<String> sklearnClasses = sklearnClasses(rows);
        boolean hasHeader = sklearnClasses != null || header == Header.YES
                || header == Header.AUTO && looksLikeHeader(rows);
        int first = hasHeader ? 1 : 0;
        if (rows.size() <= first) {
            throw text.error(0, "no data rows");
        }
        int width = rows.get(first).length;
        int label = labelColumn < 0 ? width - 1 : labelColumn;
        if (label >= width) {
            throw text.error(lineNumbers.get(first), "label column " + (label + 1) + " does not exist: the rows have "
                    + width + " values");
        }
        List<RawTable.Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = hasHeader && sklearnClasses == null && c < rows.get(0).length ? rows.get(0)[c] : "x" + (c + 1);
            columns.add(new RawTable.Column(name, RawTable.Type.INFER, List.of()));
        }
        RawTable raw = new RawTable(columns, label);
        for (int r = first; r < rows.size(); r++) {
            String[] tokens = rows.get(r);
            if (tokens.length != width) {
                throw text.error(lineNumbers.get(r), "expected " + width + " values (as in line "
                        + lineNumbers.get(first) + "), found " + tokens.length);
            }
            if (sklearnClasses != null) {
                tokens[label] = sklearnClass(tokens[label], sklearnClasses, text, lineNumbers.get(r));
            }
            raw.add(TableEncoder.withMissing(tokens), text.origin(lineNumbers.get(r)));
        }
        return raw;
    }

    private static char delimiterOf(String line) {
        for (char c : new char[] {',', ';', '\t'}) {
            if (line.indexOf(c) >= 0) {
                return c;
            }
        }
        return ' ';
    }

    private static String[] split(String line, char delimiter, TextLines text, int number) {
        if (delimiter == ' ') {
            return line.trim().split("\\s+");
        }
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (ch == delimiter) {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw text.error(number, "a quoted field is not closed on this line");
        }
        out.add(field.toString().trim());
        return out.toArray(String[]::new);
    }

    /** The class names of a scikit-learn header {@code n,d,name…}, or null when the first row is not one. */
    private static List<String> sklearnClasses(List<String[]> rows) {
        String[] head = rows.get(0);
        if (rows.size() < 2 || head.length < 3 || !isCount(head[0]) || !isCount(head[1])) {
            return null;
        }
        boolean matches = Integer.parseInt(head[0]) == rows.size() - 1
                && Integer.parseInt(head[1]) == rows.get(1).length - 1;
        return matches ? List.of(head).subList(2, head.length) : null;
    }

    private static String sklearnClass(String token, List<String> classes, TextLines text, int line) {
        if (token == null || !isCount(token) || Integer.parseInt(token) >= classes.size()) {
            throw text.error(line, "label '" + token + "' is not a class index 0…" + (classes.size() - 1)
                    + " of the header");
        }
        return classes.get(Integer.parseInt(token));
    }

    private static boolean isCount(String s) {
        return s.matches("\\d{1,9}");
    }

    /** True when a column numeric in every later row has a non-number in the first row. */
    private static boolean looksLikeHeader(List<String[]> rows) {
        String[] head = rows.get(0);
        for (int c = 0; c < head.length; c++) {
            int column = c;
            boolean textHead = !head[c].isEmpty() && !head[c].equals("?") && !TableEncoder.isNumber(head[c]);
            boolean numericBody = rows.size() > 1 && rows.subList(1, rows.size()).stream()
                    .allMatch(r -> column >= r.length || r[column].isEmpty() || r[column].equals("?")
                            || TableEncoder.isNumber(r[column]));
            if (textHead && numericBody) {
                return true;
            }
        }
        return false;
    }
}
