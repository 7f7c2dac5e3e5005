package org.factlab.nn.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.factlab.math.FeatureSet;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The probe's patch FACT, patch eNFA and patch AGOP of the first convolution against their definitions
 * (docs/science.md, "Convolutional layers") built from scratch: patches x_i[p] read off the image directly,
 * ∂ℓᵢ/∂u_i[k, p] and ∂f_c/∂u_i[k, p] by central differences of {@link DirectCnn} with u_i[k, p] shifted, and
 * ∂/∂x_i[p] = Wᵀ ∂/∂u_i[·, p] (the patch as an input of its own):
 * FACT = −(1/(nλ)) Σᵢ Σ_p (∂ℓᵢ/∂x_i[p]) x_i[p]ᵀ, eNFA = (1/n) Σᵢ Σ_p (∂ℓᵢ/∂x_i[p])(∂ℓᵢ/∂x_i[p])ᵀ,
 * AGOP = (1/n) Σᵢ Σ_p Σ_c (∂f_c/∂x_i[p])(∂f_c/∂x_i[p])ᵀ.
 */
class PatchMatricesFiniteDifferenceTest {

    private static final double STEP = 1e-5;

    @Test
    void probeMatchesThePatchDefinitions() {
        CnnArchitecture arch = new CnnArchitecture(
                2,
                5,
                5,
                List.of(new ConvLayer(2, 3, 2, 1, false), new ConvLayer(3, 2, 1, 0, false)),
                List.of(4),
                3,
                Activation.TANH);
        int n = 4;
        double lambda = 0.1;
        Loss loss = Loss.CROSS_ENTROPY;
        double[] theta = arch.initialParameters(new SplittableRandom(11));
        double[][] images = CnnGradientTest.images(arch, 12);
        double[][] targets = CnnGradientTest.targets(arch, 13);
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        System.arraycopy(images, 0, x, 0, n);
        System.arraycopy(targets, 0, y, 0, n);

        int k = arch.rows(0);
        int d = arch.cols(0);
        int positions = 9;
        double[][] fact = new double[d][d];
        double[][] enfa = new double[d][d];
        double[][] agop = new double[d][d];
        DirectCnn direct = new DirectCnn(arch);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < positions; p++) {
                double[] patch = patch(x[i], p);
                double[] lossGradient = new double[k];
                double[][] modelGradients = new double[arch.outputs()][k];
                for (int filter = 0; filter < k; filter++) {
                    double[] plus = direct.output(theta, x[i], new DirectCnn.Shift(filter, p, STEP));
                    double[] minus = direct.output(theta, x[i], new DirectCnn.Shift(filter, p, -STEP));
                    lossGradient[filter] =
                            (DirectCnn.sampleLoss(plus, y[i], loss) - DirectCnn.sampleLoss(minus, y[i], loss))
                                    / (2 * STEP);
                    for (int c = 0; c < arch.outputs(); c++) {
                        modelGradients[c][filter] = (plus[c] - minus[c]) / (2 * STEP);
                    }
                }
                double[] g = pullBack(theta, lossGradient, k, d);
                addOuter(fact, g, patch, -1 / (n * lambda));
                addOuter(enfa, g, g, 1.0 / n);
                for (double[] a : modelGradients) {
                    double[] j = pullBack(theta, a, k, d);
                    addOuter(agop, j, j, 1.0 / n);
                }
            }
        }
        FeatureSet probed = new CnnProbe(arch, CnnGradientTest.matrix(x), CnnGradientTest.matrix(y), 3, loss)
                .probe(theta, lambda)
                .layer(0)
                .forward();
        assertClose(fact, probed.fact(), "FACT");
        assertClose(enfa, probed.enfa(), "eNFA");
        assertClose(agop, probed.agop(), "AGOP");
    }

    /** x[p] of the first convolution (3×3, stride 2, padding 1 on 5×5): entries (c, dy, dx), 0 in the padding. */
    private static double[] patch(double[] image, int p) {
        int oy = p / 3;
        int ox = p % 3;
        double[] patch = new double[18];
        for (int c = 0; c < 2; c++) {
            for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                    int yy = 2 * oy + dy - 1;
                    int xx = 2 * ox + dx - 1;
                    boolean inside = yy >= 0 && yy < 5 && xx >= 0 && xx < 5;
                    patch[(c * 3 + dy) * 3 + dx] = inside ? image[c * 25 + yy * 5 + xx] : 0;
                }
            }
        }
        return patch;
    }

    /** Wᵀv for the first convolution's W (k×d, row-major at the start of θ). */
    private static double[] pullBack(double[] theta, double[] v, int k, int d) {
        double[] out = new double[d];
        for (int j = 0; j < k; j++) {
            for (int e = 0; e < d; e++) {
                out[e] += theta[j * d + e] * v[j];
            }
        }
        return out;
    }

    private static void addOuter(double[][] sum, double[] a, double[] b, double scale) {
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b.length; c++) {
                sum[r][c] += scale * a[r] * b[c];
            }
        }
    }

    private static void assertClose(double[][] expected, INDArray actual, String name) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[r][c], actual.getDouble(r, c), 1e-7 * scale, name + "[" + r + "][" + c + "]");
            }
        }
    }
}
