package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.matrix;
import static org.factlab.kernels.KernelFixtures.maxAbs;
import static org.factlab.kernels.KernelFixtures.maxAbsDifference;
import static org.factlab.kernels.KernelFixtures.spd;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Proposition 5.1 for the inner-product kernel K = exp(xᵀMz/L²), k′ = K/L²: the machine's AGOP equals
 * Σᵢⱼ τ(xᵢ, M, xⱼ) M xᵢ αᵢᵀαⱼ xⱼᵀ M with τ = (1/n) Σₗ k′(xₗᵀMxᵢ) k′(xₗᵀMxⱼ), and its F·M equals
 * Σᵢⱼ k′(xᵢᵀMxⱼ) M xᵢ αᵢᵀαⱼ xⱼᵀ M, both summed literally with k′ from the definition, for any dual weights α and in
 * both forms of the AGOP (κκ for n &lt; c·d, output by output otherwise). For the radial Gaussian kernel, with its
 * gradient factor κ in the place of k′, the AGOP identity does not hold: Figure 7's fit is an analogy there.
 */
class PropositionFiveOneTest {

    private static final double L = 1.5;
    private static final int D = 3;
    private static final int C = 2;

    @ParameterizedTest
    @CsvSource({"5", "12"})
    void agopAndFactOfTheInnerProductKernelHaveTheForms(int n) {
        double[][] x = scaled(gaussianMatrix(n, D, 51), 0.5);
        double[][] m = spd(D, 52);
        double[][] alpha = gaussianMatrix(n, C, 53);
        double[][] kPrime = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kPrime[i][j] = KernelFixtures.kernel(KernelFunction.EXP_INNER_PRODUCT, x[i], x[j], m, L) / (L * L);
            }
        }
        double[][] tau = tau(kPrime);
        GradientFactors factors = factors(KernelFunction.EXP_INNER_PRODUCT, x, m);
        INDArray[] features = features(factors, x, m, alpha);
        double[][] expectedAgop = form(tau, x, m, alpha);
        double[][] expectedFm = form(kPrime, x, m, alpha);
        double[][] agop = Rows.of(features[0]);
        double[][] fm = Rows.of(features[1].mmul(matrix(m)));
        assertTrue(
                maxAbsDifference(expectedAgop, agop) < 1e-12 * maxAbs(expectedAgop),
                "AGOP off by " + maxAbsDifference(expectedAgop, agop));
        assertTrue(
                maxAbsDifference(expectedFm, fm) < 1e-12 * maxAbs(expectedFm),
                "F·M off by " + maxAbsDifference(expectedFm, fm));

        GradientFactors gaussian = factors(KernelFunction.GAUSSIAN, x, m);
        double[][] kappa = Rows.of(gaussian.matrix().mul(gaussian.scale()));
        double[][] radialAgop = Rows.of(features(gaussian, x, m, alpha)[0]);
        double[][] analogy = form(tau(kappa), x, m, alpha);
        assertTrue(
                maxAbsDifference(analogy, radialAgop) > 1e-3 * maxAbs(radialAgop),
                "for the Gaussian kernel the τ-form is not its AGOP");
    }

    private static GradientFactors factors(KernelFunction kernel, double[][] x, double[][] m) {
        INDArray xs = matrix(x);
        return MahalanobisKernel.compute(
                xs, xs, matrix(m), kernel, L, true, Nd4j.create(DataType.DOUBLE, x.length, x.length), null);
    }

    /** The machine's AGOP and F (d×d) for the given dual weights. */
    private static INDArray[] features(GradientFactors factors, double[][] x, double[][] m, double[][] alpha) {
        INDArray xs = matrix(x);
        INDArray a = matrix(alpha);
        OutputContractions products = OutputContractions.of(factors, a, xs);
        INDArray agop = KernelFeatures.agop(
                factors,
                a,
                xs,
                matrix(m),
                false,
                products,
                Nd4j.create(DataType.DOUBLE, x.length, x.length),
                Nd4j.create(DataType.DOUBLE, x.length, x.length),
                FeatureShape.FULL);
        INDArray fact = KernelFeatures.fact(
                factors,
                a,
                xs,
                matrix(m),
                products,
                Nd4j.create(DataType.DOUBLE, x.length, x.length),
                FeatureShape.FULL);
        return new INDArray[] {agop, fact};
    }

    /** τᵢⱼ = (1/n) Σₗ k′ₗᵢ k′ₗⱼ. */
    private static double[][] tau(double[][] kPrime) {
        int n = kPrime.length;
        double[][] tau = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    tau[i][j] += kPrime[l][i] * kPrime[l][j] / n;
                }
            }
        }
        return tau;
    }

    /** Σᵢⱼ wᵢⱼ M xᵢ αᵢᵀαⱼ xⱼᵀ M. */
    private static double[][] form(double[][] w, double[][] x, double[][] m, double[][] alpha) {
        int n = x.length;
        double[][] mx = new double[n][D];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    mx[i][a] += m[a][b] * x[i][b];
                }
            }
        }
        double[][] out = new double[D][D];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < C; c++) {
                    dot += alpha[i][c] * alpha[j][c];
                }
                for (int a = 0; a < D; a++) {
                    for (int b = 0; b < D; b++) {
                        out[a][b] += w[i][j] * dot * mx[i][a] * mx[j][b];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] scaled(double[][] x, double s) {
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= s;
            }
        }
        return x;
    }
}
