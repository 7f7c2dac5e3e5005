package org.factlab.experiments.rfm;

import java.util.List;

/**
 * Series and matrix names that every Recursive Feature Machine kind records (public contract: CSV
 * headers, chart legends, run comparisons). Steps are RFM iterations: step t is the kernel machine fitted
 * with M_t (step 0: M = I, the plain kernel machine), before the update to M_{t+1}.
 */
public final class RfmSeries {

    /** Training accuracy of f_t. */
    public static final String TRAIN_ACCURACY = "train/accuracy";
    /** Test accuracy of f_t. */
    public static final String TEST_ACCURACY = "test/accuracy";
    /** Mean over test samples and outputs of (f(x) − y)². */
    public static final String TEST_MSE = "test/mse";
    /** tr(M_t). */
    public static final String TRACE_M = "trace_M";
    /** ‖M_t − M_{t−1}‖_F / ‖M_{t−1}‖_F (from step 1). */
    public static final String M_REL_CHANGE = "m_rel_change";
    /** ‖F_t‖_F of FACT (Lemma F.1), FACT-driven methods only. */
    public static final String FACT_NORM = "fact/norm";
    /** cos(F_t, M_t): the fixed-point residual of the FACT updates (1 at a fixed point), FACT methods only. */
    public static final String FACT_FIXED_POINT_COSINE = "fact/fixed_point_cosine";

    /**
     * Figure 7 at the last step (also in the summary): slope c of the best proportional fit τ ≈ c·k′ over
     * 1000 sampled training pairs.
     */
    public static final String TAU_SLOPE = "tau_vs_kprime/slope";
    /** R² of that fit through the origin, 1 − Σ(τ − c k′)²/Σ τ². */
    public static final String TAU_R2 = "tau_vs_kprime/r2";
    /** Pearson correlation of τ and k′ over the pairs. */
    public static final String TAU_PEARSON = "tau_vs_kprime/pearson";

    /** Series recorded at every step by every method. */
    public static final List<String> EVERY_STEP = List.of(TRAIN_ACCURACY, TEST_ACCURACY, TEST_MSE, TRACE_M);
    /** Series recorded at every step by the FACT-driven methods. */
    public static final List<String> FACT_STEPS = List.of(FACT_NORM, FACT_FIXED_POINT_COSINE);
    /** Series recorded once, at the last step. */
    public static final List<String> FIGURE7 = List.of(TAU_SLOPE, TAU_R2, TAU_PEARSON);

    /** d×d feature matrix M_t. */
    public static final String MATRIX_M = "M";
    /** √AGOP_t (Figures 5, 6). */
    public static final String MATRIX_SQRT_AGOP = "sqrt_agop";
    /** √(FACT_t·M_tᵀ), symmetrised as ((F M)(F M)ᵀ)^{1/4} (Figures 5, 6), FACT-driven methods only. */
    public static final String MATRIX_SQRT_FACT_MT = "sqrt_fact_Mt";
    /** Figure 7's scatter at the last step: 1000 rows (k′, τ), one per sampled training pair. */
    public static final String MATRIX_TAU_PAIRS = "tau_kprime_pairs";

    private RfmSeries() {}
}
