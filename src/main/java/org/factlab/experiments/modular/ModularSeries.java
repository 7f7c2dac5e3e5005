package org.factlab.experiments.modular;

/**
 * Series the modular kind records besides {@link org.factlab.experiments.rfm.RfmSeries} (public contract).
 */
public final class ModularSeries {

    /** Mean over test pairs of (f_{(a∘b)}(x) − 1)²: the squared error of the correct class's output alone. */
    public static final String CORRECT_LOGIT_LOSS = "test/correct_logit_loss";
    /** cos(M_t, M_T) with the final M, recorded for every step once the run has finished. */
    public static final String M_COSINE_TO_FINAL = "m_cosine_to_final";
    /**
     * Summary key: the first iteration whose test accuracy is 100% (the grokking point); absent when the run
     * never got there.
     */
    public static final String GROKKING_ITERATION = "grokking_iteration";

    private ModularSeries() {}
}
