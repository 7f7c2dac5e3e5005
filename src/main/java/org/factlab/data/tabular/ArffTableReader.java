package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Weka's ARFF format: {@code @relation}, {@code @attribute name type} (numeric, real, integer, nominal
 * {@code {a, b, …}}; string and date attributes are skipped), {@code @data}, then dense rows or sparse rows
 * {@code {index value, …}} (omitted values are 0, i.e. a nominal attribute's first category). Names and values may
 * be quoted with ' or "; {@code %} starts a comment line; {@code ?} is a missing value. The class is the last
 * attribute unless the caller names another.
 */
final class ArffTableReader extends PreparedTableFile {

    private final int dataLine;

    private ArffTableReader(TextSource text, List<RawTable.Column> columns, int label, int dataLine) {
        super(text, columns, label);
        this.dataLine = dataLine;
    }

    /**
     * Reads the header up to {@code @data}.
     *
     * @param labelColumn 0-based attribute index of the class, or −1 for the last attribute
     */
    static ArffTableReader prepare(TextSource text, int labelColumn) {
        List<RawTable.Column> columns = new ArrayList<>();
        int[] data = {0};
        text.lines((line, number) -> {
            String s = line.trim();
            if (s.isEmpty() || s.startsWith("%")) {
                return true;
            }
            String keyword = s.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            switch (keyword) {
                case "@relation" -> {}
                case "@attribute" ->
                    columns.add(attribute(s.substring(keyword.length()).trim(), text, number));
                case "@data" -> data[0] = number;
                default -> throw text.error(number, "expected @relation, @attribute or @data");
            }
            return data[0] == 0;
        });
        if (data[0] == 0) {
            throw text.error(0, "no @data section");
        }
        if (columns.size() < 2) {
            throw text.error(data[0], "needs at least one attribute and the class before @data");
        }
        int label = labelColumn < 0 ? columns.size() - 1 : labelColumn;
        if (label >= columns.size() || columns.get(label).type() == RawTable.Type.SKIP) {
            throw text.error(data[0], "the class attribute " + (label + 1) + " does not exist or is a string/date");
        }
        return new ArffTableReader(text, columns, label, data[0]);
    }

    @Override
    public void rows(RowSink sink) {
        text.lines((line, number) -> {
            String s = line.trim();
            if (number > dataLine && !s.isEmpty() && !s.startsWith("%")) {
                sink.row(row(s, columns, text, number), number);
            }
            return true;
        });
    }

    private static RawTable.Column attribute(String rest, TextSource text, int line) {
        String[] nameAndType = nameAndType(rest, text, line);
        String type = nameAndType[1];
        String lower = type.toLowerCase(Locale.ROOT);
        if (type.startsWith("{")) {
            if (!type.endsWith("}")) {
                throw text.error(line, "a nominal attribute lacks its closing }");
            }
            List<String> categories = Arrays.asList(tokens(type.substring(1, type.length() - 1), text, line));
            return new RawTable.Column(nameAndType[0], RawTable.Type.NOMINAL, categories);
        }
        if (lower.equals("numeric") || lower.equals("real") || lower.equals("integer")) {
            return new RawTable.Column(nameAndType[0], RawTable.Type.NUMERIC, List.of());
        }
        if (lower.equals("string") || lower.startsWith("date")) {
            return new RawTable.Column(nameAndType[0], RawTable.Type.SKIP, List.of());
        }
        throw text.error(
                line,
                "the attribute has an unsupported type (allowed: numeric, real, integer, "
                        + "{nominal values}, string, date)");
    }

    /** The attribute name (unquoted) and the rest of the line. */
    private static String[] nameAndType(String rest, TextSource text, int line) {
        if (rest.isEmpty()) {
            throw text.error(line, "@attribute without a name");
        }
        char q = rest.charAt(0);
        int end;
        String name;
        if (q == '\'' || q == '"') {
            end = rest.indexOf(q, 1);
            if (end < 0) {
                throw text.error(line, "attribute name quote is not closed");
            }
            name = rest.substring(1, end);
            end++;
        } else {
            end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != '{') {
                end++;
            }
            name = rest.substring(0, end);
        }
        String type = rest.substring(end).trim();
        if (type.isEmpty()) {
            throw text.error(line, "the attribute has no type");
        }
        return new String[] {name, type};
    }

    private static String[] row(String s, List<RawTable.Column> columns, TextSource text, int line) {
        if (s.startsWith("{")) {
            return sparseRow(s, columns, text, line);
        }
        String[] tokens = tokens(s, text, line);
        if (tokens.length != columns.size()) {
            throw text.error(
                    line, "expected " + columns.size() + " values (one per @attribute), found " + tokens.length);
        }
        return TableEncoder.withMissing(tokens);
    }

    private static String[] sparseRow(String s, List<RawTable.Column> columns, TextSource text, int line) {
        if (!s.endsWith("}")) {
            throw text.error(line, "sparse row lacks its closing }");
        }
        String[] tokens = new String[columns.size()];
        for (int c = 0; c < tokens.length; c++) {
            RawTable.Column column = columns.get(c);
            tokens[c] =
                    column.type() == RawTable.Type.NOMINAL ? column.categories().get(0) : "0";
        }
        String body = s.substring(1, s.length() - 1).trim();
        if (body.isEmpty()) {
            return tokens;
        }
        for (String entry : tokens(body, text, line)) {
            String[] parts = entry.trim().split("\\s+", 2);
            int index;
            try {
                index = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                throw text.error(line, "a sparse entry does not start with an attribute index");
            }
            if (parts.length < 2 || index < 0 || index >= tokens.length) {
                throw text.error(
                        line,
                        "a sparse entry's index must be in 0…" + (tokens.length - 1) + " and be followed by a value");
            }
            tokens[index] = unquote(parts[1].trim());
        }
        return TableEncoder.withMissing(tokens);
    }

    /** Comma-separated values, quotes respected and removed. */
    private static String[] tokens(String s, TextSource text, int line) {
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                token.append(ch);
                if (ch == '\\' && i + 1 < s.length()) {
                    token.append(s.charAt(++i));
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                token.append(ch);
            } else if (ch == ',') {
                out.add(unquote(token.toString().trim()));
                token.setLength(0);
            } else {
                token.append(ch);
            }
        }
        if (quote != 0) {
            throw text.error(line, "a quoted value is not closed");
        }
        out.add(unquote(token.toString().trim()));
        return out.toArray(String[]::new);
    }

    private static String unquote(String token) {
        if (token.length() >= 2
                && (token.charAt(0) == '\'' || token.charAt(0) == '"')
                && token.charAt(token.length() - 1) == token.charAt(0)) {
            return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return token;
    }
}
