package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>
 * {@link #prepare} reads the file once to learn its layout (keeping only the first two rows); the rows are then
 * streamed.
 */
final class CsvTableReader extends PreparedTableFile {

    /** Whether the first line names the columns. */
    enum Header {
        AUTO,
        YES,
        NO
    }

    private final char delimiter;
    private final boolean hasHeader;
    private final List<String> sklearnClasses;
    private final int width;
    private final int firstDataLine;

    private CsvTableReader(
            TextSource text,
            char delimiter,
            List<String> sklearnClasses,
            boolean hasHeader,
            int firstDataLine,
            List<RawTable.Column> columns,
            int label) {
        super(text, columns, label);
        this.delimiter = delimiter;
        this.sklearnClasses = sklearnClasses;
        this.hasHeader = hasHeader;
        this.firstDataLine = firstDataLine;
        this.width = columns.size();
    }

    /**
     * @param labelColumn 0-based column of the class label, or −1 for the last column
     */
    static CsvTableReader prepare(TextSource text, int labelColumn, Header header) {
        Scan scan = new Scan(text);
        text.lines(scan::line);
        if (scan.head == null) {
            throw text.error(0, "no rows");
        }
        List<String> sklearnClasses = scan.sklearnClasses();
        boolean hasHeader =
                sklearnClasses != null || header == Header.YES || header == Header.AUTO && scan.looksLikeHeader();
        String[] first = hasHeader ? scan.second : scan.head;
        if (first == null) {
            throw text.error(0, "no data rows");
        }
        int firstDataLine = hasHeader ? scan.secondLine : scan.headLine;
        int width = first.length;
        int label = labelColumn < 0 ? width - 1 : labelColumn;
        if (label >= width) {
            throw text.error(
                    firstDataLine,
                    "label column " + (label + 1) + " does not exist: the rows have " + width + " values");
        }
        List<RawTable.Column> cols = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = hasHeader && sklearnClasses == null && c < scan.head.length ? scan.head[c] : "x" + (c + 1);
            cols.add(new RawTable.Column(name, RawTable.Type.INFER, List.of()));
        }
        return new CsvTableReader(text, scan.delimiter, sklearnClasses, hasHeader, firstDataLine, cols, label);
    }

    @Override
    public void rows(RowSink sink) {
        boolean[] skipHeader = {hasHeader};
        text.lines((s, line) -> {
            if (s.isBlank()) {
                return true;
            }
            if (skipHeader[0]) {
                skipHeader[0] = false;
                return true;
            }
            String[] tokens = split(s, delimiter, text, line);
            if (tokens.length != width) {
                throw text.error(
                        line,
                        "expected " + width + " values (as in line " + firstDataLine + "), found " + tokens.length);
            }
            if (sklearnClasses != null) {
                tokens[label] = sklearnClass(tokens[label], sklearnClasses, text, line);
            }
            sink.row(TableEncoder.withMissing(tokens), line);
            return true;
        });
    }

    /** The first pass: delimiter, the first two rows, the row count and which columns are numeric after row 1. */
    private static final class Scan {
        private final TextSource text;
        private Character delimiter;
        private String[] head;
        private int headLine;
        private String[] second;
        private int secondLine;
        private long rows;
        private boolean[] numericBody;

        Scan(TextSource text) {
            this.text = text;
        }

        boolean line(String s, int line) {
            if (s.isBlank()) {
                return true;
            }
            if (delimiter == null) {
                delimiter = delimiterOf(s);
            }
            String[] tokens = split(s, delimiter, text, line);
            rows++;
            if (head == null) {
                head = tokens;
                headLine = line;
                numericBody = new boolean[head.length];
                Arrays.fill(numericBody, true);
                return true;
            }
            if (second == null) {
                second = tokens;
                secondLine = line;
            }
            for (int c = 0; c < numericBody.length && c < tokens.length; c++) {
                if (numericBody[c]) {
                    String t = tokens[c];
                    numericBody[c] = t.isEmpty() || t.equals("?") || TableEncoder.isNumber(t);
                }
            }
            return true;
        }

        /** The class names of a scikit-learn header {@code n,d,name…}, or null when the first row is not one. */
        List<String> sklearnClasses() {
            if (second == null || head.length < 3 || !isCount(head[0]) || !isCount(head[1])) {
                return null;
            }
            boolean matches = Long.parseLong(head[0]) == rows - 1 && Integer.parseInt(head[1]) == second.length - 1;
            return matches ? List.of(head).subList(2, head.length) : null;
        }

        /** True when a column numeric in every later row has a non-number in the first row. */
        boolean looksLikeHeader() {
            for (int c = 0; c < head.length; c++) {
                boolean textHead = !head[c].isEmpty() && !head[c].equals("?") && !TableEncoder.isNumber(head[c]);
                if (textHead && second != null && numericBody[c]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static char delimiterOf(String line) {
        for (char c : new char[] {',', ';', '\t'}) {
            if (line.indexOf(c) >= 0) {
                return c;
            }
        }
        return ' ';
    }

    private static String[] split(String line, char delimiter, TextSource text, int number) {
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

    private static String sklearnClass(String token, List<String> classes, TextSource text, int line) {
        if (token == null || !isCount(token) || Integer.parseInt(token) >= classes.size()) {
            throw text.error(line, "the label is not a class index 0…" + (classes.size() - 1) + " of the header");
        }
        return classes.get(Integer.parseInt(token));
    }

    private static boolean isCount(String s) {
        return s.matches("\\d{1,9}");
    }
}
