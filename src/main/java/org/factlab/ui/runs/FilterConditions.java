package org.factlab.ui.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.RunFilter;

/**
 * The runs grid's spec and summary conditions as one line of text, e.g. {@code n=500 test/accuracy>=0.99}:
 * {@code field=value} is {@code spec.<field>}, {@code key>=x} and {@code key<=x} are {@code summary.<key>.min} and
 * {@code .max} of the API's filter.
 */
final class FilterConditions {

    private static final Pattern CONDITION = Pattern.compile("([^=<>\\s]+)\\s*(>=|<=|=)\\s*(\\S+)");

    private FilterConditions() {}

    /** The query parameters of {@code text}; a piece that is no condition is refused naming it. */
    static Map<String, List<String>> params(String text) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String rest = text == null ? "" : text.strip();
        Matcher m = CONDITION.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!m.find(at) || !rest.substring(at, m.start()).isBlank()) {
                String bad = rest.substring(at).strip().split("\\s+")[0];
                throw new SpecValidationException(
                        "conditions",
                        "'" + bad + "' is not a condition; write field=value, " + "key>=number or key<=number");
            }
            String key = switch (m.group(2)) {
                case ">=" -> "summary." + m.group(1) + ".min";
                case "<=" -> "summary." + m.group(1) + ".max";
                default -> "spec." + m.group(1);
            };
            params.put(key, List.of(m.group(3)));
            at = m.end();
            while (at < rest.length() && Character.isWhitespace(rest.charAt(at))) {
                at++;
            }
        }
        return params;
    }

    /** The conditions of {@code filter} as {@link #params} reads them. */
    static String text(RunFilter filter) {
        List<String> parts = new ArrayList<>();
        filter.spec().forEach((k, v) -> parts.add(k + "=" + v));
        filter.summaryMin().forEach((k, v) -> parts.add(k + ">=" + RunFilter.plain(v)));
        filter.summaryMax().forEach((k, v) -> parts.add(k + "<=" + RunFilter.plain(v)));
        return String.join(" ", parts);
    }
}
