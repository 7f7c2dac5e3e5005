package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LIBSVM's sparse format: {@code label index:value index:value …} per line, indices 1-based, absent features 0
 * (they are zeros, not missing values); {@code #} starts a comment. d is the largest index in the file, found by
 * {@link #prepare}'s pass over it; the rows are then streamed.
 */
final class LibsvmTableReader extends PreparedTableFile {

    private static final Pattern ENTRY = Pattern.compile("\\d+:\\S+");

    private final int d;

    /** d numeric features x1 … xd, then the label. */
    private LibsvmTableReader(TextSource text, int d) {
        super(text, columns(d), d);
        this.d = d;
    }

    private static List<RawTable.Column> columns(int d) {
        List<RawTable.Column> cols = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            cols.add(new RawTable.Column("x" + j, RawTable.Type.NUMERIC, List.of()));
        }
        cols.add(new RawTable.Column("label", RawTable.Type.INFER, List.of()));
        return cols;
    }

    /** True when the first non-blank line looks like LIBSVM (every field after the label is index:value). */
    static boolean looksLike(TextSource text) {
        boolean[] libsvm = {false};
        text.lines((line, number) -> {
            String[] fields = content(line);
            if (fields.length == 0) {
                return true;
            }
            libsvm[0] = fields.length > 1
                    && Arrays.stream(fields)
                            .skip(1)
                            .allMatch(f -> ENTRY.matcher(f).matches());
            return false;
        });
        return libsvm[0];
    }

    static LibsvmTableReader prepare(TextSource text) {
        int[] d = {0};
        long[] rows = {0};
        text.lines((line, number) -> {
            String[] fields = content(line);
            if (fields.length > 0) {
                rows[0]++;
                for (int f = 1; f < fields.length; f++) {
                    d[0] = Math.max(d[0], entry(fields[f], text, number)[0]);
                }
            }
            return true;
        });
        if (rows[0] == 0) {
            throw text.error(0, "no rows");
        }
        return new LibsvmTableReader(text, d[0]);
    }

    @Override
    public void rows(RowSink sink) {
        text.lines((line, number) -> {
            String[] fields = content(line);
            if (fields.length == 0) {
                return true;
            }
            String[] tokens = new String[d + 1];
            Arrays.fill(tokens, 0, d, "0");
            for (int f = 1; f < fields.length; f++) {
                int index = entry(fields[f], text, number)[0];
                tokens[index - 1] = fields[f].substring(fields[f].indexOf(':') + 1);
            }
            tokens[d] = fields[0];
            sink.row(tokens, number);
            return true;
        });
    }

    /** {index} of one index:value field, its value checked to be a number. */
    private static int[] entry(String field, TextSource text, int line) {
        int colon = field.indexOf(':');
        try {
            int index = Integer.parseInt(field.substring(0, colon));
            if (index < 1) {
                throw text.error(line, "a feature index must be ≥ 1");
            }
            Double.parseDouble(field.substring(colon + 1));
            return new int[] {index};
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw text.error(line, "a field after the label is not index:value");
        }
    }

    private static String[] content(String line) {
        int hash = line.indexOf('#');
        String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
