package org.factlab.nn.mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L_λ(θ) = (1/n) Σᵢ (1/c)‖f(xᵢ) − yᵢ‖² + (λ/2)‖θ‖² of a tanh MLP with biases over a flat float64 θ (layer
 * by layer: W row-major out×in, then b), with its gradient by back-propagation, written sample by sample in
 * plain Java: independent of the ND4J code under test, and fast for the tiny networks of the tests.
 */
final class FullBatchObjective {

    private final MlpArchitecture arch;
    private final double[][] x;
    private final double[][] y;
    private final double lambda;

    FullBatchObjective(MlpArchitecture arch, INDArray x, INDArray y, double lambda) {
        if (arch.activation() != Activation.TANH || !arch.bias()) {
            throw new IllegalArgumentException("written for tanh networks with biases");
        }
        this.arch = arch;
        this.x = x.toDoubleMatrix();
        this.y = y.toDoubleMatrix();
        this.lambda = lambda;
    }

    /** Value of L_λ; writes ∇L_λ into {@code gradient}. */
    double valueAndGradient(double[] theta, double[] gradient) {
        int depth = arch.depth();
        int n = x.length;
        int c = arch.outputDim();
        int[] offsets = offsets();
        Arrays.fill(gradient, 0);
        double value = 0;
        for (int i = 0; i < n; i++) {
            double[][] h = new double[depth + 1][];
            h[0] = x[i];
            for (int l = 0; l < depth; l++) {
                double[] z = affine(theta, offsets[l], l, h[l]);
                if (l + 1 < depth) {
                    for (int j = 0; j < z.length; j++) {
                        z[j] = Math.tanh(z[j]);
                    }
                }
                h[l + 1] = z;
            }
            double[] delta = new double[c];
            for (int k = 0; k < c; k++) {
                double r = h[depth][k] - y[i][k];
                value += r * r / (n * (double) c);
                delta[k] = 2 * r / c;
            }
            for (int l = depth - 1; l >= 0; l--) {
                int in = arch.layerInputs(l);
                int out = arch.layerOutputs(l);
                int w = offsets[l];
                double[] below = new double[in];
                for (int o = 0; o < out; o++) {
                    for (int j = 0; j < in; j++) {
                        gradient[w + o * in + j] += delta[o] * h[l][j] / n;
                        below[j] += delta[o] * theta[w + o * in + j];
                    }
                    gradient[w + out * in + o] += delta[o] / n;
                }
                if (l > 0) {
                    for (int j = 0; j < in; j++) {
                        below[j] *= 1 - h[l][j] * h[l][j];
                    }
                }
                delta = below;
            }
        }
        for (int p = 0; p < theta.length; p++) {
            value += 0.5 * lambda * theta[p] * theta[p];
            gradient[p] += lambda * theta[p];
        }
        return value;
    }

    /** W hᵢ + b of layer l. */
    private double[] affine(double[] theta, int offset, int l, double[] h) {
        int in = arch.layerInputs(l);
        int out = arch.layerOutputs(l);
        double[] z = new double[out];
        for (int o = 0; o < out; o++) {
            double s = theta[offset + out * in + o];
            for (int j = 0; j < in; j++) {
                s += theta[offset + o * in + j] * h[j];
            }
            z[o] = s;
        }
        return z;
    }

    /** Where each layer's W starts in θ (its b follows it). */
    private int[] offsets() {
        int[] offsets = new int[arch.depth()];
        int offset = 0;
        for (int l = 0; l < arch.depth(); l++) {
            offsets[l] = offset;
            offset += arch.layerOutputs(l) * (arch.layerInputs(l) + 1);
        }
        return offsets;
    }

    MlpWeights weights(double[] theta) {
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        int[] offsets = offsets();
        for (int l = 0; l < arch.depth(); l++) {
            int rows = arch.layerOutputs(l);
            int cols = arch.layerInputs(l);
            w.add(take(theta, offsets[l], rows, cols));
            b.add(take(theta, offsets[l] + rows * cols, 1, rows));
        }
        return new MlpWeights(w, b);
    }

    /** The flat θ of some weights. */
    static double[] flatten(MlpWeights weights) {
        List<double[]> parts = new ArrayList<>();
        for (int l = 0; l < weights.depth(); l++) {
            parts.add(weights.weight(l).dup('c').data().asDouble());
            parts.add(weights.bias(l).dup('c').data().asDouble());
        }
        double[] theta = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int offset = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, theta, offset, p.length);
            offset += p.length;
        }
        return theta;
    }

    private static INDArray take(double[] theta, int offset, int rows, int cols) {
        double[] values = new double[rows * cols];
        System.arraycopy(theta, offset, values, 0, values.length);
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }
}
