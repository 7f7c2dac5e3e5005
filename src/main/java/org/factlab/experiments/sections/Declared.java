package org.factlab.experiments.sections;

/**
 * One name a section reads: a series, a matrix or a summary key. {@code pattern} is the recorded name, where a
 * part written {@code {word}} stands for any one path segment (e.g. {@code dataset/{dataset}/{method}/test_accuracy}).
 * {@code onlyWhen} is null when every run of the kind records it, else the condition in words (e.g. "FACT-driven
 * methods only"): such names need not be in every run, but some kind's quick run records them.
 */
public record Declared(String pattern, Source source, String onlyWhen) {

    /** Where a declared name is recorded. */
    public enum Source {
        SERIES,
        MATRIX,
        SUMMARY
    }

    public Declared {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a declared name needs a pattern");
        }
    }

    /** True when {@code name} is an instance of the pattern. */
    public boolean matches(String name) {
        return SeriesPattern.matches(pattern, name);
    }
}
