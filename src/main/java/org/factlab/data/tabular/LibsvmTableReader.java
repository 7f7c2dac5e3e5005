package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LIBSVM's sparse format: {@code label index:value index:value …} per line, indices 1-based, absent features 0
 * (they are zeros, not missing values); {@code #} starts a comment. d is the largest index in the file.
 */
final class LibsvmTableReader {

    private static final Pattern ENTRY = Pattern.compile("\\d+:\\S+");

    private LibsvmTableReader() {
    }

    /** True when the first non-blank line looks like LIBSVM (every field after the label is index:value). */
    static boolean looksLike(TextLines text) {
        for (int line = 1; line <= text.count(); line++) {
            String[] fields = content(text.line(line));
            if (fields.length > 0) {
                return fields.length > 1 && Arrays.stream(fields).skip(1).allMatch(f -> ENTRY.matcher(f).matches());
            }
        }
        return false;
    }

    static RawTable read(TextLines text) {
        List<String> labels = new ArrayList<>();
        List<double[]> entries = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int d = 0;
        for (int line = 1; line <= text.count(); line++) {
            String[] fields = content(text.line(line));
            if (fields.length == 0) {
                continue;
            }
            double[] pairs = new double[2 * (fields.length - 1)];
            for (int f = 1; f < fields.length; f++) {
                int colon = fields[f].indexOf(':');
                try {
                    int index = Integer.parseInt(fields[f].substring(0, colon));
                    if (index < 1) {
                        throw text.error(line, "feature index " + index + " in '" + fields[f] + "' must be ≥ 1");
                    }
                    pairs[2 * (f - 1)] = index;
                    pairs[2 * (f - 1) + 1] = Double.parseDouble(fields[f].substring(colon + 1));
                    d = Math.max(d, index);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    throw text.error(line, "'" + fields[f] + "' is not index:value");
                }
            }
            labels.add(fields[0]);
            entries.add(pairs);
            lineNumbers.add(line);
        }
        if (labels.isEmpty()) {
            throw text.error(0, "no rows");
        }
        List<RawTable.Column> columns = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            columns.add(new RawTable.Column("x" + j, RawTable.Type.NUMERIC, List.of()));
        }
        columns.add(new RawTable.Column("label", RawTable.Type.INFER, List.of()));
        RawTable raw = new RawTable(columns, d);
        for (int r = 0; r < labels.size(); r++) {
            String[] tokens = new String[d + 1];
            Arrays.fill(tokens, "0");
            double[] pairs = entries.get(r);
            for (int p = 0; p < pairs.length; p += 2) {
                tokens[(int) pairs[p] - 1] = Double.toString(pairs[p + 1]);
            }
            tokens[d] = labels.get(r);
            raw.add(tokens, text.origin(lineNumbers.get(r)));
        }
        return raw;
    }

    private static String[] content(String line) {
        int hash = line.indexOf('#');
        String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
