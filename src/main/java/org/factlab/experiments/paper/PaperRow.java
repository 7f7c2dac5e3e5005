package org.factlab.experiments.paper;

/**
 * One compared value of a preset or a paper figure (public contract of {@code GET /api/kinds} and
 * {@code GET /api/paper}).
 *
 * @param series    the summary key (series name) the value is read from
 * @param paper     the number printed in the paper (the bound where it prints one), null where it prints none
 * @param relation  how the paper relates its number to the result: {@code "="} (printed as is), {@code "<"},
 *                  {@code "≤"}, {@code ">"}, {@code "≥"} (a bound), {@code "≈"} (an approximate value, and every row
 *                  compared with the lab's reference); the verdict tests this relation ({@link Verdict#within})
 * @param reference the lab's own measured value (the preset's {@code expected} entry), null where none
 * @param tolerance the agreement band: a run matches when it is within this distance of the paper's number (of the
 *                  reference where the paper prints none)
 * @param note      how the paper states it (e.g. "printed as < 0.068"), empty when there is nothing to add
 */
public record PaperRow(String series, Double paper, String relation, Double reference, double tolerance, String note) {

    /** The relations a paper value can have. */
    public static final java.util.List<String> RELATIONS = java.util.List.of("=", "<", "≤", ">", "≥", "≈");

    public PaperRow {
        if (!RELATIONS.contains(relation)) {
            throw new IllegalArgumentException("relation must be one of " + RELATIONS + ", got " + relation);
        }
    }

    /** A row whose paper value (if any) is printed as is ("="), otherwise compared with the reference ("≈"). */
    public PaperRow(String series, Double paper, Double reference, double tolerance, String note) {
        this(series, paper, paper == null ? "≈" : "=", reference, tolerance, note);
    }

    /** The paper's value as printed, with its relation where it is a bound or approximate, e.g. "< 0.068". */
    public String printed(java.util.function.DoubleFunction<String> number) {
        if (paper == null) {
            return null;
        }
        return "=".equals(relation) ? number.apply(paper) : relation + " " + number.apply(paper);
    }

    /** The number a run is compared with: the paper's where it prints one, else the lab's reference. */
    public Double target() {
        return paper != null ? paper : reference;
    }

    PaperRow withReference(Double measured) {
        return new PaperRow(series, paper, relation, measured, tolerance, note);
    }
}
