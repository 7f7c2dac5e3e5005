package org.factlab.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.factlab.math.GaussJordan;
import org.factlab.math.OrthonormalColumns;
import org.factlab.math.Prediction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The AGOP root per layer on a deep linear network at a balanced stationary point of L_λ, built in closed form:
 * W_ℓ = U_{ℓ+1} S U_ℓᵀ (orthonormal U_ℓ, one diagonal S) and targets Y chosen so that ∇_{W_ℓ} L = −λW_ℓ at every
 * layer. There W_ℓᵀW_ℓ = U_ℓ S² U_ℓᵀ and the AGOP at layer ℓ's input is U_ℓ S^{2(L−ℓ+1)} U_ℓᵀ, so
 * cos(W_ℓᵀW_ℓ, AGOP^{1/(L−ℓ+1)}) = 1 at every layer, while AGOP^{1/L} only matches at ℓ = 1.
 */
class BalancedDeepLinearAgopTest {

    private static final int D = 6;
    private static final int WIDTH = 5;
    private static final int C = 4;
    private static final int DEPTH = 3;
    private static final int N = 60;
    private static final double LAMBDA = 0.05;
    private static final double[] S = {2.0, 1.3, 0.7};

    @AfterEach
    void release() {
        MlpProbe.releaseMemory();
    }

    @Test
    void wtwMatchesTheAgopRootOfItsDepthFromTheOutputAtEveryLayer() {
        SplittableRandom random = new SplittableRandom(17);
        int[] dims = {D, WIDTH, WIDTH, C};
        double[][][] u = new double[DEPTH + 1][][];
        for (int l = 0; l <= DEPTH; l++) {
            u[l] = OrthonormalColumns.of(dims[l], S.length, random);
        }
        List<double[][]> w = new ArrayList<>();
        for (int l = 0; l < DEPTH; l++) {
            w.add(times(times(u[l + 1], diagonal(S, 1)), transpose(u[l])));
        }
        double[][] x = gaussian(N, D, random);
        INDArray probeX = matrix(x);
        INDArray probeY = matrix(stationaryTargets(w, u, x));
        MlpWeights weights = new MlpWeights(
                w.stream().map(BalancedDeepLinearAgopTest::matrix).toList(), Arrays.asList(new INDArray[DEPTH]));
        ProbeResult result = new MlpProbe(weights, Activation.IDENTITY, N).probe(probeX, probeY, LAMBDA);

        for (int l = 0; l < DEPTH; l++) {
            ProbeResult.LayerComparison layer = result.compare(l, false, Set.of());
            assertTrue(layer.gradientNorm() < 1e-10, "stationary at layer " + (l + 1));
            assertTrue(layer.forward().factRelativeError() < 1e-10, "FACT holds at layer " + (l + 1));
            assertEquals(1.0, layer.forward().cosine().get(Prediction.AGOP_1_OVER_L), 1e-9, "layer " + (l + 1));
        }
        double sqrtAtLayer1 =
                result.compare(0, false, Set.of()).forward().cosine().get(Prediction.SQRT_AGOP);
        assertTrue(sqrtAtLayer1 < 0.99, "√AGOP is not the root at layer 1 of 3: " + sqrtAtLayer1);
    }

    /**
     * Y with ∇_{W_ℓ} L = −λ W_ℓ for L = (1/n) Σᵢ (1/c)‖P xᵢ − yᵢ‖², P = W_L ⋯ W₁. The data gradient of layer ℓ is
     * (2/c) A_ℓᵀ E B_ℓᵀ with E = P Σ − Yᵀ X / n, Σ = XᵀX/n, A_ℓ = W_L ⋯ W_{ℓ+1}, B_ℓ = W_{ℓ−1} ⋯ W₁; with
     * E = −(cλ/2) U_{L+1} S^{2−L} U₁ᵀ it is −λ U_{ℓ+1} S^{(L−ℓ)+(2−L)+(ℓ−1)} U_ℓᵀ = −λ W_ℓ. Y = X Σ⁻¹ (P Σ − E)ᵀ.
     */
    private static double[][] stationaryTargets(List<double[][]> w, double[][][] u, double[][] x) {
        double[][] p = w.get(0);
        for (int l = 1; l < DEPTH; l++) {
            p = times(w.get(l), p);
        }
        double[][] sigma = scale(times(transpose(x), x), 1.0 / N);
        double[][] e = scale(times(times(u[DEPTH], diagonal(S, 2 - DEPTH)), transpose(u[0])), -C * LAMBDA / 2);
        double[][] pSigmaMinusE = subtract(times(p, sigma), e);
        return times(x, GaussJordan.solve(sigma, transpose(pSigmaMinusE)));
    }

    private static double[][] diagonal(double[] s, int power) {
        double[][] d = new double[s.length][s.length];
        for (int i = 0; i < s.length; i++) {
            d[i][i] = Math.pow(s[i], power);
        }
        return d;
    }

    private static double[][] gaussian(int rows, int cols, SplittableRandom random) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return a;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = Arrays.stream(a[i]).map(v -> v * s).toArray();
        }
        return out;
    }

    private static double[][] subtract(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] - b[i][j];
            }
        }
        return out;
    }

    private static INDArray matrix(double[][] a) {
        double[] flat = Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
        return Nd4j.create(flat, new long[] {a.length, a[0].length}, DataType.DOUBLE);
    }
}
