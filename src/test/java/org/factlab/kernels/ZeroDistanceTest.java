package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.maxAbs;
import static org.factlab.kernels.KernelFixtures.maxAbsDifference;
import static org.factlab.kernels.KernelFixtures.spd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factlab.math.PsdMatrices;
import org.factlab.math.Similarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Laplace kernel with duplicate rows: a zero distance must give K = 1 and κ = 0 (the cusp's subgradient) in
 * float32 as in float64, whatever residue the expansion ‖x − z‖² = xᵀMx + zᵀMz − 2xᵀMz leaves. √AGOP and F of a
 * fitted machine on data with duplicate rows, in both precisions, against the literal float64 definitions
 * (κ = K/(L‖x − z‖_M) for x ≠ z, 0 for x = z); and the threshold is relative: tiny but distinct rows keep κ.
 */
class ZeroDistanceTest {

    private static final double L = 2.0;
    private static final int N = 40;
    private static final int DUPLICATES = 12;
    private static final int D = 8;
    private static final int C = 2;

    @ParameterizedTest
    @CsvSource({"DOUBLE, 1e-9", "FLOAT, 2e-4"})
    void duplicateRowsGiveTheFloat64FeatureMatrices(DataType type, double tolerance) {
        double[][] x = gaussianMatrix(N, D, 41);
        for (int i = 0; i < DUPLICATES; i++) {
            x[N - 1 - i] = x[i].clone();
        }
        double[][] m = spd(D, 42);
        for (double[] row : m) {
            for (int j = 0; j < D; j++) {
                row[j] *= 3;
            }
        }
        double[][] alpha = gaussianMatrix(N, C, 43);
        double[][] kappa = literalKappa(x, m);

        INDArray xs = Rows.toMatrix(x, type);
        INDArray k = Nd4j.create(type, N, N);
        GradientFactors factors = MahalanobisKernel.compute(
                xs, xs, Rows.toMatrix(m, type), KernelFunction.LAPLACE, L, true, k, Nd4j.create(type, N, N));
        for (int i = 0; i < DUPLICATES; i++) {
            assertEquals(1.0, k.getDouble(i, N - 1 - i), 0.0, "K of a duplicate pair");
            assertEquals(0.0, factors.matrix().getDouble(i, N - 1 - i), 0.0, "κ of a duplicate pair");
        }
        INDArray a = Rows.toMatrix(alpha, type);
        OutputContractions products = OutputContractions.of(factors, a, xs);
        double[][] agop = Rows.of(KernelFeatures.agop(
                factors,
                a,
                xs,
                KernelFixtures.matrix(m),
                false,
                products,
                Nd4j.create(type, N, N),
                Nd4j.create(type, N, N),
                FeatureShape.FULL));
        double[][] f = Rows.of(KernelFeatures.fact(
                factors, a, xs, KernelFixtures.matrix(m), products, Nd4j.create(type, N, N), FeatureShape.FULL));

        double[][] expectedSqrtAgop = PsdMatrices.sqrt(literalAgop(x, m, alpha, kappa));
        double[][] expectedF = literalFact(x, m, alpha, kappa);
        double[][] sqrtAgop = PsdMatrices.sqrt(agop);
        assertTrue(
                maxAbsDifference(expectedSqrtAgop, sqrtAgop) < tolerance * maxAbs(expectedSqrtAgop),
                "√AGOP off by " + maxAbsDifference(expectedSqrtAgop, sqrtAgop) + " of " + maxAbs(expectedSqrtAgop));
        assertTrue(
                maxAbsDifference(expectedF, f) < tolerance * maxAbs(expectedF),
                "F off by " + maxAbsDifference(expectedF, f) + " of " + maxAbs(expectedF));
        assertEquals(1.0, Similarity.cosine(expectedSqrtAgop, sqrtAgop), tolerance);
    }

    /**
     * A nearly rank-one M = vvᵀ + δI (what RFM learns on low-rank tasks): xᵀMx = (vᵀx)² + δ‖x‖² can lie far below the
     * size |x|ᵀ|M||x| of the expansion's terms, and a threshold relative to xᵀMx + zᵀMz missed the round-off of
     * duplicates (κ ≈ 1e8 in float64). The rows with the smallest |vᵀx| are duplicated (d = 100): every duplicate
     * pair gets K = 1 and κ = 0, and no pair's κ exceeds the largest literal float64 κ of the distinct pairs (δ above
     * the precision's resolution of the distinct pairs' distances).
     */
    @ParameterizedTest
    @CsvSource({"DOUBLE, 1e-10", "FLOAT, 1e-4"})
    void duplicatesUnderANearlyRankOneM(DataType type, double delta) {
        int n = 300;
        int d = 100;
        int duplicates = 10;
        double[] v = gaussianMatrix(1, d, 46)[0];
        double vNorm = Math.sqrt(java.util.Arrays.stream(v).map(e -> e * e).sum());
        double[][] m = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                m[a][b] = v[a] * v[b] / (vNorm * vNorm) + (a == b ? delta : 0);
            }
        }
        double[][] x = gaussianMatrix(n, d, 47);
        Integer[] order =
                java.util.stream.IntStream.range(0, n - duplicates).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> Math.abs(dot(v, x[i]))));
        for (int r = 0; r < duplicates; r++) {
            x[n - 1 - r] = x[order[r]].clone();
        }
        INDArray xs = Rows.toMatrix(x, type);
        INDArray k = Nd4j.create(type, n, n);
        double[][] kappa = Rows.of(MahalanobisKernel.compute(
                        xs, xs, Rows.toMatrix(m, type), KernelFunction.LAPLACE, L, true, k, Nd4j.create(type, n, n))
                .matrix());
        for (int r = 0; r < duplicates; r++) {
            assertEquals(1.0, k.getDouble(order[r], n - 1 - r), 0.0, "K of a duplicate pair");
            assertEquals(0.0, kappa[order[r]][n - 1 - r], 0.0, "κ of a duplicate pair");
            assertEquals(0.0, kappa[n - 1 - r][order[r]], 0.0, "κ of a duplicate pair");
        }
        double literalMax = 0;
        double computedMax = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!java.util.Arrays.equals(x[i], x[j])) {
                    double distance = KernelFixtures.mahalanobis(x[i], x[j], m);
                    literalMax = Math.max(literalMax, Math.exp(-distance / L) / (L * distance));
                }
                computedMax = Math.max(computedMax, kappa[i][j]);
            }
        }
        assertTrue(computedMax <= 1.01 * literalMax, "largest κ " + computedMax + ", literal " + literalMax);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    /** At scale s the Laplace kernel with bandwidth sL has the same K and κ/s²: no absolute threshold. */
    @Test
    void tinyDistinctRowsKeepTheirGradientFactors() {
        double s = 1e-7;
        double[][] x = gaussianMatrix(10, 3, 44);
        double[][] tiny = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            tiny[i] = java.util.Arrays.stream(x[i]).map(v -> v * s).toArray();
        }
        INDArray m = KernelFixtures.matrix(spd(3, 45));
        double[][] kappa = kappa(x, m, L);
        double[][] tinyKappa = kappa(tiny, m, L * s);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                assertEquals(kappa[i][j], tinyKappa[i][j] * s * s, 1e-6 * Math.abs(kappa[i][j]));
            }
        }
    }

    private static double[][] kappa(double[][] x, INDArray m, double bandwidth) {
        INDArray xs = KernelFixtures.matrix(x);
        return Rows.of(MahalanobisKernel.compute(
                        xs,
                        xs,
                        m,
                        KernelFunction.LAPLACE,
                        bandwidth,
                        true,
                        Nd4j.create(DataType.DOUBLE, x.length, x.length),
                        Nd4j.create(DataType.DOUBLE, x.length, x.length))
                .matrix());
    }

    /** κᵢⱼ = K/(L‖xᵢ − xⱼ‖_M), 0 where xᵢ = xⱼ exactly. */
    private static double[][] literalKappa(double[][] x, double[][] m) {
        double[][] kappa = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double distance = KernelFixtures.mahalanobis(x[i], x[j], m);
                kappa[i][j] = java.util.Arrays.equals(x[i], x[j]) ? 0 : Math.exp(-distance / L) / (L * distance);
            }
        }
        return kappa;
    }

    /** ∇f_c(xᵢ) = −Σⱼ κᵢⱼ αⱼc M (xᵢ − xⱼ). */
    private static double[] gradient(double[][] x, double[][] m, double[][] alpha, double[][] kappa, int i, int c) {
        double[] g = new double[D];
        for (int j = 0; j < x.length; j++) {
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    g[a] -= kappa[i][j] * alpha[j][c] * m[a][b] * (x[i][b] - x[j][b]);
                }
            }
        }
        return g;
    }

    /** AGOP = (1/n) Σᵢ Σ_c ∇f_c(xᵢ) ∇f_c(xᵢ)ᵀ. */
    private static double[][] literalAgop(double[][] x, double[][] m, double[][] alpha, double[][] kappa) {
        double[][] agop = new double[D][D];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < C; c++) {
                double[] g = gradient(x, m, alpha, kappa, i, c);
                for (int a = 0; a < D; a++) {
                    for (int b = 0; b < D; b++) {
                        agop[a][b] += g[a] * g[b] / x.length;
                    }
                }
            }
        }
        return agop;
    }

    /** Lemma F.1: F = Σᵢⱼ ∇ₓK(xᵢ, xⱼ) αⱼᵀαᵢ xᵢᵀ with ∇ₓK(xᵢ, xⱼ) = −κᵢⱼ M (xᵢ − xⱼ). */
    private static double[][] literalFact(double[][] x, double[][] m, double[][] alpha, double[][] kappa) {
        double[][] f = new double[D][D];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double dot = 0;
                for (int c = 0; c < C; c++) {
                    dot += alpha[i][c] * alpha[j][c];
                }
                for (int a = 0; a < D; a++) {
                    double grad = 0;
                    for (int b = 0; b < D; b++) {
                        grad -= kappa[i][j] * m[a][b] * (x[i][b] - x[j][b]);
                    }
                    for (int b = 0; b < D; b++) {
                        f[a][b] += grad * dot * x[i][b];
                    }
                }
            }
        }
        return f;
    }

    /**
     * The duplicate-row index hashes sign rows apart: {@code Arrays.hashCode} gives 5000 random ±1 rows of 50 entries
     * two distinct codes, which turns the index into a list; a mixing hash gives (almost) every row its own.
     */
    @Test
    void signRowsGetDistinctHashes() {
        java.util.Random random = new java.util.Random(7);
        java.util.Set<Integer> plain = new java.util.HashSet<>();
        java.util.Set<Integer> mixed = new java.util.HashSet<>();
        for (int i = 0; i < 5000; i++) {
            double[] row = new double[50];
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextBoolean() ? 1 : -1;
            }
            plain.add(java.util.Arrays.hashCode(row));
            mixed.add(ZeroDistances.hash(row));
        }
        assertEquals(2, plain.size(), "the pathology this hash avoids");
        assertTrue(mixed.size() >= 4990, mixed.size() + " distinct hashes of 5000 distinct rows");
    }
}
