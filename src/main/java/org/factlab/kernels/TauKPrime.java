package org.factlab.kernels;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Figure 7 / Proposition 5.1: for sampled training pairs (xᵢ, xⱼ), i ≠ j, the NFA similarity
 * τ(xᵢ, xⱼ, M) = (1/n) Σₗ k′(xₗ, xᵢ) k′(xₗ, xⱼ) against the FACT similarity k′(xᵢ, xⱼ), where k′ is the
 * kernel's gradient factor κ (∇ₓK = −κ M (x − z); for the Gaussian kernel k′ = K/L², so τ = (κᵀκ/n)ᵢⱼ).
 * When τ ≈ c·k′ the NFA and FACT updates of Proposition 5.1 agree up to scale.
 *
 * @param kPrime k′ of each pair; kept, not copied, not modified
 * @param tau    τ of each pair; kept, not copied, not modified
 * @param slope   c of the best proportional fit τ ≈ c·k′ (least squares through the origin)
 * @param r2      R² of that fit as defined for regression through the origin, 1 − Σ(τ − c k′)² / Σ τ²
 * @param pearson Pearson correlation of τ and k′ (the uncentred R² is close to 1 whenever both barely vary,
 *                as on modular arithmetic where K ≈ 0.78 for most pairs; the correlation shows whether the
 *                variation is proportional too)
 */
public record TauKPrime(double[] kPrime, double[] tau, double slope, double r2, double pearson) {

    /** Training pairs Figure 7 samples. */
    public static final int FIGURE7_PAIRS = 1000;

    /** The pairs as rows (k′, τ), the layout of the {@code tau_kprime_pairs} matrix. */
    public float[] pairsRowMajor() {
        float[] out = new float[2 * tau.length];
        for (int p = 0; p < tau.length; p++) {
            out[2 * p] = (float) kPrime[p];
            out[2 * p + 1] = (float) tau[p];
        }
        return out;
    }

    /**
     * The best proportional fit of {@code tau} against {@code kPrime}, its R² and the correlation.
     *
     * @param kPrime kept in the result, not copied; not modified
     * @param tau kept in the result, not copied; not modified
     */
    public static TauKPrime fit(double[] kPrime, double[] tau) {
        int count = tau.length;
        double kMean = Arrays.stream(kPrime).average().orElseThrow();
        double tauMean = Arrays.stream(tau).average().orElseThrow();
        double kk = 0;
        double kt = 0;
        double tt = 0;
        double covariance = 0;
        double kVariance = 0;
        double tauVariance = 0;
        for (int p = 0; p < count; p++) {
            kk += kPrime[p] * kPrime[p];
            kt += kPrime[p] * tau[p];
            tt += tau[p] * tau[p];
            covariance += (kPrime[p] - kMean) * (tau[p] - tauMean);
            kVariance += (kPrime[p] - kMean) * (kPrime[p] - kMean);
            tauVariance += (tau[p] - tauMean) * (tau[p] - tauMean);
        }
        double slope = kt / kk;
        double residual = tt - 2 * slope * kt + slope * slope * kk;
        return new TauKPrime(kPrime, tau, slope, 1 - residual / tt, covariance / Math.sqrt(kVariance * tauVariance));
    }

    /** Samples {@code pairs} pairs i ≠ j (seeded) from the n×n gradient factors κ of the training set. */
    static TauKPrime sample(GradientFactors kappa, int pairs, long seed) {
        INDArray k = kappa.whole().matrix();
        int n = Math.toIntExact(k.rows());
        SplittableRandom random = new SplittableRandom(seed);
        int[] first = new int[pairs];
        int[] second = new int[pairs];
        double[] kPrime = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            first[p] = random.nextInt(n);
            second[p] = (first[p] + 1 + random.nextInt(n - 1)) % n;
            kPrime[p] = kappa.scale() * k.getDouble(first[p], second[p]);
        }
        INDArray products = k.getColumns(first).muli(k.getColumns(second));
        double[] tau = products.sum(0).muli(kappa.scale() * kappa.scale() / n).toDoubleVector();
        return fit(kPrime, tau);
    }
}
