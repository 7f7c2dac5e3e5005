package org.factlab.experiments.sections;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names with placeholders: {@code layer{layer}/{method}/pearson} matches {@code layer2/fact/pearson}; a placeholder
 * stands for one non-empty path segment (no '/'). {@link #fill} writes a pattern's placeholders.
 */
public final class SeriesPattern {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private SeriesPattern() {}

    public static boolean matches(String pattern, String name) {
        return regex(pattern).matcher(name).matches();
    }

    /** The value of one placeholder in a matching name, null when the name does not match. */
    public static String part(String pattern, String placeholder, String name) {
        Matcher m = regex(pattern).matcher(name);
        return m.matches() ? m.group(placeholder) : null;
    }

    /** The pattern with placeholders replaced by {@code values} (placeholders without a value stay). */
    public static String fill(String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())))
                    .append("(?<")
                    .append(m.group(1))
                    .append(">[^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
