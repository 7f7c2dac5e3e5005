package org.factlab.math;

/**
 * The feature matrices of §2–3 for a single-output model, from per-sample probe data of one layer with
 * sample weights wᵢ (wᵢ = 1/n for a training set, the population weights for a distribution):
 * hᵢ the layer input, gᵢ = ∇_h ℓᵢ the loss gradient and Jᵢ = ∇_h fᵢ the model gradient at that input.
 * All arrays are {@code n × d}; results are {@code d × d}.
 */
public final class FeatureMatrices {

    private FeatureMatrices() {
    }

    /**
     * FACT = −(1/λ) Σᵢ wᵢ gᵢ hᵢᵀ (eq. FACT, Theorem 3.1, with 1/n replaced by wᵢ). Equals WᵀW at any
     * critical point of L_λ with respect to W; in general FACT − WᵀW = −(1/λ) Wᵀ ∇_W L_λ.
     */
    public static double[][] fact(double[] weights, double[][] lossGradients, double[][] inputs, double lambda) {
        return weightedOuterSum(weights, lossGradients, inputs, -1 / lambda);
    }

    /** AGOP = Σᵢ wᵢ Jᵢ Jᵢᵀ (eq. NFA; the AGOP of Appendix D, step 3a). */
    public static double[][] agop(double[] weights, double[][] modelGradients) {
        return weightedOuterSum(weights, modelGradients, modelGradients, 1);
    }

    /** eNFA = Σᵢ wᵢ gᵢ gᵢᵀ (eq. eNFA). */
    public static double[][] enfa(double[] weights, double[][] lossGradients) {
        return weightedOuterSum(weights, lossGradients, lossGradients, 1);
    }

    /** c Σᵢ wᵢ uᵢ vᵢᵀ. */
    private static double[][] weightedOuterSum(double[] weights, double[][] u, double[][] v, double c) {
        if (u.length != weights.length || v.length != weights.length) {
            throw new IllegalArgumentException("need one row per weight: " + weights.length + " weights, "
                    + u.length + " and " + v.length + " rows");
        }
        int d = u[0].length;
        double[][] out = new double[d][d];
        for (int i = 0; i < weights.length; i++) {
            double wi = c * weights[i];
            for (int k = 0; k < d; k++) {
                double uk = wi * u[i][k];
                for (int l = 0; l < d; l++) {
                    out[k][l] += uk * v[i][l];
                }
            }
        }
        return out;
    }
}
