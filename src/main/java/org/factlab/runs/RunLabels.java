package org.factlab.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.factlab.experiments.SpecValidationException;

/**
 * What people write about a run or a study, checked: a name of 1 to 200 characters without control characters or
 * bidirectional overrides ({@link DisplayText}),
 * Markdown notes of at most 20000 characters, and at most 10 tags, each a short word. Every refusal names the field and
 * what is allowed.
 */
public final class RunLabels {

    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 20_000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 32;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0," + (MAX_TAG - 1) + "}");
    static final String TAG_RULE =
            "1–" + MAX_TAG + " letters, digits, '.', '_' or '-', starting with a letter or digit";

    private RunLabels() {}

    /** The stripped name; {@code field} is e.g. {@code name}. */
    public static String name(String field, String name, int max) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new SpecValidationException(field, "is empty; allowed: 1–" + max + " characters");
        }
        if (n.length() > max) {
            throw new SpecValidationException(
                    field, "is " + n.length() + " characters long; allowed: 1–" + max + " characters");
        }
        DisplayText.require(field, n, false);
        return n;
    }

    /** The notes, null when blank. */
    public static String notes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        if (notes.length() > MAX_NOTES) {
            throw new SpecValidationException(
                    "notes", "is " + notes.length() + " characters long; allowed: at most " + MAX_NOTES);
        }
        DisplayText.require("notes", notes, true);
        return notes.strip();
    }

    /**
     * The tags of a JSON array of strings or one comma- or space-separated string, duplicates (ignoring case) dropped,
     * in the order given.
     */
    public static List<String> tags(Object value) {
        List<String> words = new ArrayList<>();
        if (value instanceof String text) {
            words.addAll(split(text));
        } else if (value instanceof Collection<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new SpecValidationException(
                            "tags", "holds " + o + ", not a word; allowed: a list of words of " + TAG_RULE);
                }
                words.add(s.strip());
            }
        } else if (value != null) {
            throw new SpecValidationException(
                    "tags", "is not a list of words; allowed: a list of at most " + MAX_TAGS + " words of " + TAG_RULE);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (String w : words) {
            if (!TAG.matcher(w).matches()) {
                throw new SpecValidationException("tags", "'" + w + "' is not a short word; allowed: " + TAG_RULE);
            }
            if (seen.add(w.toLowerCase(Locale.ROOT))) {
                tags.add(w);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new SpecValidationException("tags", "has " + tags.size() + " tags; allowed: at most " + MAX_TAGS);
        }
        return tags;
    }

    /** The words of a comma- or space-separated text. */
    public static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
