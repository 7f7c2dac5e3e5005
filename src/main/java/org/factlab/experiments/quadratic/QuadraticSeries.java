package org.factlab.experiments.quadratic;

import java.util.List;

/**
 * Series and matrix names the quadratic kind records (public contract: CSV headers, chart legends,
 * preset expectations). Similarities compare each feature matrix with WᵀW of the first layer.
 */
public final class QuadraticSeries {

    /** cos(FACT, WᵀW), the figure of Figure 4 (Theorem 3.1 says 1 at a critical point). */
    public static final String FACT_COSINE = "fact/cosine";
    /** cos(AGOP, WᵀW), the NFA with s = 1 (Theorem 3.4: small at the optimum). */
    public static final String AGOP_COSINE = "agop/cosine";
    /** cos(√AGOP, WᵀW), the NFA with s = 1/2. */
    public static final String SQRT_AGOP_COSINE = "sqrt_agop/cosine";
    /** cos(eNFA, WᵀW). */
    public static final String ENFA_COSINE = "enfa/cosine";

    public static final String FACT_PEARSON = "fact/pearson";
    public static final String AGOP_PEARSON = "agop/pearson";
    public static final String SQRT_AGOP_PEARSON = "sqrt_agop/pearson";
    public static final String ENFA_PEARSON = "enfa/pearson";
    /** The data term L = Σᵢ wᵢ ℓᵢ. */
    public static final String LOSS = "loss";
    /** L_λ = L + (λ/2)‖θ‖². */
    public static final String OBJECTIVE = "objective";
    /** ‖∇_θ L_λ‖: how stationary the weights are (FACT − WᵀW = −(1/λ) Wᵀ∇_W L_λ). */
    public static final String GRAD_NORM = "grad_norm";
    /** ‖FACT − WᵀW‖_F / ‖WᵀW‖_F. */
    public static final String FACT_RELERR = "fact/relerr";
    /** The learning rate of the next Adam step (shows the schedule). */
    public static final String LEARNING_RATE = "lr";

    /** Every series of every evaluation, in recording order. */
    public static final List<String> ALL = List.of(
            FACT_COSINE,
            AGOP_COSINE,
            SQRT_AGOP_COSINE,
            ENFA_COSINE,
            FACT_PEARSON,
            AGOP_PEARSON,
            SQRT_AGOP_PEARSON,
            ENFA_PEARSON,
            LOSS,
            OBJECTIVE,
            GRAD_NORM,
            FACT_RELERR,
            LEARNING_RATE);

    /** 4 × 4 matrix snapshots recorded at every evaluation. */
    public static final String MATRIX_WTW = "WtW";

    public static final String MATRIX_FACT = "FACT";
    public static final String MATRIX_AGOP = "AGOP";
    public static final List<String> MATRICES = List.of(MATRIX_WTW, MATRIX_FACT, MATRIX_AGOP);

    private QuadraticSeries() {}
}
