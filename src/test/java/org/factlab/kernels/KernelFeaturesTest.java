package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.matrix;
import static org.factlab.kernels.KernelFixtures.maxAbs;
import static org.factlab.kernels.KernelFixtures.maxAbsDifference;
import static org.factlab.kernels.KernelFixtures.spd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AGOP and FACT of a fitted kernel machine against literal definitions: gradients of the predictor by
 * finite differences, and the double sum of Lemma F.1.
 */
class KernelFeaturesTest {

    private static final double L = 2.0;

    /** A fitted machine on n random points with d inputs and c outputs (M a random SPD matrix). */
    private record Fitted(
            double[][] x,
            double[][] m,
            GradientFactors kappa,
            INDArray alpha,
            INDArray xs,
            INDArray ms,
            double[][] y,
            KernelFunction kernel,
            double reg) {

        static Fitted of(KernelFunction kernel, int n, int d, int c, double reg) {
            return of(kernel, n, d, c, reg, false);
        }

        /** With {@code diagonalM}, M is the diagonal of the random SPD matrix. */
        static Fitted of(KernelFunction kernel, int n, int d, int c, double reg, boolean diagonalM) {
            double[][] x = gaussianMatrix(n, d, 11);
            double[][] m = spd(d, 12);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    m[a][b] = diagonalM && a != b ? 0 : m[a][b];
                }
            }
            double[][] y = gaussianMatrix(n, c, 13);
            INDArray xs = matrix(x);
            INDArray ms = matrix(m);
            INDArray k = Nd4j.create(DataType.DOUBLE, n, n);
            GradientFactors kappa =
                    MahalanobisKernel.compute(xs, xs, ms, kernel, L, true, k, Nd4j.create(DataType.DOUBLE, n, n));
            INDArray alpha = KernelRidge.solve(k, reg, matrix(y), Nd4j.create(DataType.DOUBLE, n, n))
                    .alpha();
            return new Fitted(x, m, kappa, alpha, xs, ms, y, kernel, reg);
        }

        /** f_c(z) = Σⱼ K(z, xⱼ) αⱼc by the definition. */
        double predict(double[] z, int c) {
            double f = 0;
            for (int j = 0; j < x.length; j++) {
                f += KernelFixtures.kernel(kernel, z, x[j], m, L) * alpha.getDouble(j, c);
            }
            return f;
        }

        /** ∇f_c(xᵢ) by central differences (at xᵢ the Laplace self term's cusp contributes 0). */
        double[] gradient(int i, int c) {
            return KernelFixtures.finiteDifferenceGradient(z -> predict(z, c), x[i], 1e-6);
        }

        OutputContractions products() {
            return OutputContractions.of(kappa, alpha, xs);
        }

        INDArray workspace() {
            return Nd4j.create(DataType.DOUBLE, x.length, x.length);
        }
    }

    /** Both forms of the AGOP's last term: κκ (n &lt; c·d) and output by output (n ≥ c·d). */
    @ParameterizedTest
    @CsvSource({
        "GAUSSIAN, 12, 3, 5, false",
        "GAUSSIAN, 40, 3, 2, true",
        "LAPLACE, 12, 3, 5, true",
        "LAPLACE, 40, 3, 2, false",
        "EXP_INNER_PRODUCT, 12, 3, 5, true",
        "EXP_INNER_PRODUCT, 40, 3, 2, true"
    })
    void agopEqualsTheMeanOuterProductOfPredictorGradients(KernelFunction kernel, int n, int d, int c, boolean center) {
        Fitted f = Fitted.of(kernel, n, d, c, 1e-3);
        assertEquals(n < c * d, KernelFeatures.agopUsesKappaSquared(n, c, d));
        double[][] expected = literalAgop(f, center);
        double[][] agop = Rows.of(KernelFeatures.agop(
                f.kappa(),
                f.alpha(),
                f.xs(),
                f.ms(),
                center,
                f.products(),
                f.workspace(),
                f.workspace(),
                FeatureShape.FULL));
        assertTrue(
                maxAbsDifference(expected, agop) < 1e-6 * maxAbs(expected),
                "AGOP differs by " + maxAbsDifference(expected, agop) + " (scale " + maxAbs(expected) + ")");
    }

    /**
     * Lemma F.1: the closed form equals Σᵢⱼ ∇ₓK(xᵢ, xⱼ) αⱼᵀαᵢ xᵢᵀ with ∇ₓK by finite differences, in both
     * the output-by-output form (few outputs) and the n×n form (c·d &gt; 4(c + d)).
     */
    @ParameterizedTest
    @CsvSource({
        "GAUSSIAN, 15, 4, 3, true",
        "LAPLACE, 15, 4, 3, true",
        "GAUSSIAN, 20, 3, 1, true",
        "GAUSSIAN, 12, 8, 10, false",
        "LAPLACE, 12, 8, 10, false",
        "EXP_INNER_PRODUCT, 15, 4, 3, true",
        "EXP_INNER_PRODUCT, 12, 8, 10, false"
    })
    void closedFormFactEqualsTheLiteralDoubleSum(KernelFunction kernel, int n, int d, int c, boolean byOutput) {
        assertEquals(byOutput, KernelFeatures.factOutputByOutput(c, d));
        Fitted f = Fitted.of(kernel, n, d, c, 1e-2);
        double[][] expected = literalFact(f);
        double[][] fact = Rows.of(KernelFeatures.fact(
                f.kappa(), f.alpha(), f.xs(), f.ms(), f.products(), f.workspace(), FeatureShape.FULL));
        assertTrue(
                maxAbsDifference(expected, fact) < 1e-6 * maxAbs(expected),
                "F differs by " + maxAbsDifference(expected, fact) + " (scale " + maxAbs(expected) + ")");
    }

    /**
     * Diagonal M: diag(AGOP) and diag(F), computed alone in either form of each, are the diagonals of the literal
     * matrices (finite-difference gradients of the predictor; the double sum of Lemma F.1), entry by entry.
     */
    @ParameterizedTest
    @CsvSource({
        "GAUSSIAN, 12, 3, 5, false",
        "LAPLACE, 12, 3, 5, true",
        "LAPLACE, 15, 4, 3, false",
        "GAUSSIAN, 12, 8, 10, true"
    })
    void diagonalsAloneAreTheLiteralDiagonals(KernelFunction kernel, int n, int d, int c, boolean center) {
        Fitted f = Fitted.of(kernel, n, d, c, 1e-2, true);
        double[][] agop = literalAgop(f, center);
        double[][] fact = literalFact(f);
        double[] agopDiagonal = KernelFeatures.agop(
                        f.kappa(),
                        f.alpha(),
                        f.xs(),
                        f.ms(),
                        center,
                        f.products(),
                        f.workspace(),
                        f.workspace(),
                        FeatureShape.DIAGONAL)
                .toDoubleVector();
        double[] factDiagonal = KernelFeatures.fact(
                        f.kappa(), f.alpha(), f.xs(), f.ms(), f.products(), f.workspace(), FeatureShape.DIAGONAL)
                .toDoubleVector();
        assertEquals(d, agopDiagonal.length);
        assertEquals(d, factDiagonal.length);
        for (int a = 0; a < d; a++) {
            assertEquals(agop[a][a], agopDiagonal[a], 1e-6 * maxAbs(agop), "diag(AGOP) " + a);
            assertEquals(fact[a][a], factDiagonal[a], 1e-6 * maxAbs(fact), "diag(F) " + a);
        }
    }

    /** (1/n) Σᵢ Σ_c ∇f_c(xᵢ)∇f_c(xᵢ)ᵀ with finite-difference gradients, centred per output when asked. */
    private static double[][] literalAgop(Fitted f, boolean center) {
        int n = f.x().length;
        int d = f.x()[0].length;
        double[][] expected = new double[d][d];
        for (int out = 0; out < f.alpha().columns(); out++) {
            double[][] grads = new double[n][];
            double[] mean = new double[d];
            for (int i = 0; i < n; i++) {
                grads[i] = f.gradient(i, out);
                for (int a = 0; a < d; a++) {
                    mean[a] += center ? grads[i][a] / n : 0;
                }
            }
            for (double[] g : grads) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        expected[a][b] += (g[a] - mean[a]) * (g[b] - mean[b]) / n;
                    }
                }
            }
        }
        return expected;
    }

    /** Σᵢⱼ ∇ₓK(xᵢ, xⱼ) αⱼᵀαᵢ xᵢᵀ (Lemma F.1) with ∇ₓK by finite differences. */
    private static double[][] literalFact(Fitted f) {
        int n = f.x().length;
        int d = f.x()[0].length;
        double[][] expected = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] xj = f.x()[j];
                double[] grad = KernelFixtures.finiteDifferenceGradient(
                        z -> KernelFixtures.kernel(f.kernel(), z, xj, f.m(), L), f.x()[i], 1e-6);
                double alphaDot =
                        f.alpha().getRow(j).mul(f.alpha().getRow(i)).sumNumber().doubleValue();
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        expected[a][b] += grad[a] * alphaDot * f.x()[i][b];
                    }
                }
            }
        }
        return expected;
    }

    /**
     * The definition FACT = −(1/(nλ)) Σᵢ (∂ℓ/∂x)(xᵢ) xᵢᵀ with ℓ = ½‖f − y‖² and reg = nλ, i.e.
     * −(1/reg) Σᵢ Jᵢᵀ (f(xᵢ) − yᵢ) xᵢᵀ: what Lemma F.1 rewrites using Lemma F.2.
     */
    @ParameterizedTest
    @CsvSource({"GAUSSIAN", "LAPLACE", "EXP_INNER_PRODUCT"})
    void closedFormFactEqualsTheDefinitionThroughTheLoss(KernelFunction kernel) {
        int n = 14;
        int d = 3;
        int c = 2;
        Fitted f = Fitted.of(kernel, n, d, c, 0.3);
        double[][] expected = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int out = 0; out < c; out++) {
                double residual = f.predict(f.x()[i], out) - f.y()[i][out];
                double[] grad = f.gradient(i, out);
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        expected[a][b] -= grad[a] * residual * f.x()[i][b] / f.reg();
                    }
                }
            }
        }
        double[][] fact = Rows.of(KernelFeatures.fact(
                f.kappa(), f.alpha(), f.xs(), f.ms(), f.products(), f.workspace(), FeatureShape.FULL));
        assertTrue(
                maxAbsDifference(expected, fact) < 1e-6 * maxAbs(expected),
                "F differs by " + maxAbsDifference(expected, fact) + " (scale " + maxAbs(expected) + ")");
    }
}
