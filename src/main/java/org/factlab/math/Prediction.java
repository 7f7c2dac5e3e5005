package org.factlab.math;

/**
 * The predictions of a layer's neural feature matrix compared in §3 and Appendices A and C. Ids are part of
 * the series names ({@code layer1/sqrt_agop/pearson}).
 */
public enum Prediction {
    /** FACT (Theorem 3.1) or bFACT (Theorem A.1). */
    FACT("fact"),
    /** √(FACT·FACTᵀ), Remark 3.3 (this order; Table 2's second row). */
    SYM_FACT("sym_fact"),
    /** AGOP (eq. NFA with s = 1) or bAGOP. */
    AGOP("agop"),
    /** √AGOP (eq. NFA with s = 1/2, Table 2). */
    SQRT_AGOP("sqrt_agop"),
    /**
     * AGOP^{1/(L−ℓ+1)} at weight layer ℓ of L (1-based): AGOP^{1/L} at the first layer (Appendix C, Figure 11), the
     * root a balanced deep linear network's W_ℓᵀW_ℓ matches at deeper ones (docs/science.md). The id keeps the
     * name {@code agop_1_over_L} for every layer (a public contract); forward side only.
     */
    AGOP_1_OVER_L("agop_1_over_L"),
    /** eNFA (eq. eNFA) or beNFA. */
    ENFA("enfa"),
    /** √eNFA (Table 2). */
    SQRT_ENFA("sqrt_enfa");

    private final String id;

    Prediction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
