package org.factlab.math;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The feature matrices of §2–3 from per-sample probe data of one layer.
 *
 * <p>{@code double[][]} forms, for a single-output model with sample weights wᵢ (wᵢ = 1/n for a training
 * set, the population weights for a distribution): hᵢ the layer input, gᵢ = ∇_h ℓᵢ the loss gradient and
 * Jᵢ = ∇_h fᵢ the model gradient at that input; arrays are {@code n × d}, results {@code d × d}.
 *
 * <p>ND4J float64 forms, for a dense layer u = W h (W is out×in) of a c-output model with wᵢ = 1/n: each
 * is one GEMM over the n rows. Since h enters the model only through u, gᵢ = Wᵀδᵢ with δᵢ = ∂ℓᵢ/∂uᵢ and
 * ∂f/∂h = Wᵀ ∂f/∂u, so every input-side matrix is the output-side one pulled back through W
 * ({@link #pullBack}); {@link #fact(INDArray, INDArray, double)} on explicit gᵢ is the cross-check.
 */
public final class FeatureMatrices {

    private FeatureMatrices() {}

    /**
     * FACT = −(1/λ) Σᵢ wᵢ gᵢ hᵢᵀ (eq. FACT, Theorem 3.1, with 1/n replaced by wᵢ). Equals WᵀW at any
     * critical point of L_λ with respect to W; in general FACT − WᵀW = −(1/λ) Wᵀ ∇_W L_λ.
     *
     * @param weights not modified
     * @param lossGradients not modified
     * @param inputs not modified
     */
    public static double[][] fact(double[] weights, double[][] lossGradients, double[][] inputs, double lambda) {
        return weightedOuterSum(weights, lossGradients, inputs, -1 / lambda);
    }

    /**
     * AGOP = Σᵢ wᵢ Jᵢ Jᵢᵀ (eq. NFA; the AGOP of Appendix D, step 3a).
     *
     * @param weights not modified
     * @param modelGradients not modified
     */
    public static double[][] agop(double[] weights, double[][] modelGradients) {
        return weightedOuterSum(weights, modelGradients, modelGradients, 1);
    }

    /**
     * eNFA = Σᵢ wᵢ gᵢ gᵢᵀ (eq. eNFA).
     *
     * @param weights not modified
     * @param lossGradients not modified
     */
    public static double[][] enfa(double[] weights, double[][] lossGradients) {
        return weightedOuterSum(weights, lossGradients, lossGradients, 1);
    }

    /**
     * c Σᵢ wᵢ uᵢ vᵢᵀ.
     *
     * @param weights not modified
     * @param u not modified
     * @param v not modified
     */
    private static double[][] weightedOuterSum(double[] weights, double[][] u, double[][] v, double c) {
        if (u.length != weights.length || v.length != weights.length) {
            throw new IllegalArgumentException("need one row per weight: " + weights.length + " weights, " + u.length
                    + " and " + v.length + " rows");
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

    /**
     * FACT = −(1/(nλ)) Σᵢ gᵢ hᵢᵀ = −(1/(nλ)) Gᵀ H (eq. FACT, Theorem 3.1) from the n×in matrices of loss
     * gradients G and inputs H; with U = H Wᵀ and Δ in their place it is bFACT = −(1/(nλ)) Uᵀ Δ (Theorem A.1).
     *
     * @param lossGradients not modified
     * @param inputs not modified
     */
    public static INDArray fact(INDArray lossGradients, INDArray inputs, double lambda) {
        return Products.transposeTimes(lossGradients, inputs).muli(-1 / (lossGradients.rows() * lambda));
    }

    /**
     * (1/n) Σᵢ aᵢ aᵢᵀ = (1/n) Aᵀ A of n rows aᵢ: eNFA of G, beNFA of Δ, AGOP of stacked Jacobian rows.
     *
     * @param rows not modified
     */
    public static INDArray meanGram(INDArray rows, long n) {
        return Products.transposeTimes(rows, rows).muli(1.0 / n);
    }

    /**
     * sum += Aᵀ B (one GEMM): accumulates Σᵢ aᵢ bᵢᵀ over a chunk of rows.
     *
     * @param sum modified: Aᵀ B is added to it
     * @param a not modified
     * @param b not modified
     */
    public static void addCrossProducts(INDArray sum, INDArray a, INDArray b) {
        Nd4j.gemm(a, b, sum, true, false, 1.0, 1.0);
    }

    /**
     * FACT = −(1/λ) Wᵀ ∇_W L (proof of Theorem 3.1), equal to {@link #fact(INDArray, INDArray, double)}
     * because ∇_W L = (1/n) Σᵢ δᵢ hᵢᵀ and gᵢ = Wᵀδᵢ. {@code dataGradient} is ∇_W L (out×in, no λW).
     *
     * @param w not modified
     * @param dataGradient not modified
     */
    public static INDArray factFromGradient(INDArray w, INDArray dataGradient, double lambda) {
        return Products.transposeTimes(w, dataGradient).muli(-1 / lambda);
    }

    /**
     * bFACT = −(1/λ) W (∇_W L)ᵀ (proof of Theorem A.1) = −(1/(nλ)) Σᵢ (W hᵢ) δᵢᵀ.
     *
     * @param w not modified
     * @param dataGradient not modified
     */
    public static INDArray backwardFactFromGradient(INDArray w, INDArray dataGradient, double lambda) {
        return Products.timesTranspose(w, dataGradient).muli(-1 / lambda);
    }

    /**
     * Wᵀ B W: the input-side matrix of an output-side one, since gᵢ = Wᵀδᵢ and ∂f/∂h = Wᵀ ∂f/∂u. With B = beNFA
     * it is eNFA = (1/n) Σᵢ gᵢgᵢᵀ; with B = bAGOP it is AGOP = (1/n) Σᵢ (∂f/∂h)(∂f/∂h)ᵀ (eq. NFA).
     *
     * @param w not modified
     * @param outputSide not modified
     */
    public static INDArray pullBack(INDArray w, INDArray outputSide) {
        return Products.congruence(w, outputSide);
    }
}
