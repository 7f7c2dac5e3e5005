package org.factlab.experiments.paper;

/**
 * One compared value of a preset or a paper figure (public contract of {@code GET /api/kinds} and
 * {@code GET /api/paper}).
 *
 * @param series    the summary key (series name) the value is read from
 * @param paper     the number printed in the paper, null where it prints none
 * @param reference the lab's own measured value (the preset's {@code expected} entry), null where none
 * @param tolerance the agreement band: a run matches when it is within this distance of the paper's number (of the
 *                  reference where the paper prints none)
 * @param note      how the paper states it (e.g. "printed as < 0.068"), empty when there is nothing to add
 */
public record PaperRow(String series, Double paper, Double reference, double tolerance, String note) {

    /** The number a run is compared with: the paper's where it prints one, else the lab's reference. */
    public Double target() {
        return paper != null ? paper : reference;
    }

    PaperRow withReference(Double measured) {
        return new PaperRow(series, paper, measured, tolerance, note);
    }
}
