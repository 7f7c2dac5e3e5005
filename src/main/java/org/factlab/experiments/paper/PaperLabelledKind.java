package org.factlab.experiments.paper;

import org.factlab.experiments.ExperimentKind;

/**
 * A kind whose similarity series are labelled as the paper writes them ({@link PaperNotation}): "Pearson correlation
 * of FACT with W₁ᵀW₁" as a series label, "√AGOP" as a legend entry; other series keep their key.
 *
 * @param <S> the kind's spec record
 */
public interface PaperLabelledKind<S extends Record> extends ExperimentKind<S> {

    @Override
    default String seriesLabel(String series) {
        return PaperNotation.label(series);
    }

    @Override
    default String curveLabel(String series) {
        String method = PaperNotation.method(series);
        return method == null ? series : method;
    }
}
