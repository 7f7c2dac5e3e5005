package org.factlab.experiments.parity;

import java.util.List;

/**
 * Series the parity kind records besides {@link org.factlab.experiments.rfm.RfmSeries} (public contract).
 */
public final class ParitySeries {

    /** 1 when the k largest diagonal entries of M_t are exactly the support, else 0. */
    public static final String SUPPORT_RECOVERED = "support_recovered";
    /** Σ_{k ∈ support} Mₖₖ / tr(M_t). */
    public static final String DIAG_MASS_ON_SUPPORT = "diag_mass_on_support";

    public static final List<String> ALL = List.of(SUPPORT_RECOVERED, DIAG_MASS_ON_SUPPORT);

    private ParitySeries() {}
}
