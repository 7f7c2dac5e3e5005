package org.factlab.nn.cnn;

import org.factlab.nn.mlp.Loss;

/**
 * An independent float64 CNN in plain Java: each convolution as the direct sum
 * u[k, oy, ox] = b_k + Σ_{c,dy,dx} W[k, c, dy, dx] · x[c, oy·s + dy − p, ox·s + dx − p] (zero outside the image),
 * σ, 2×2 max-pooling, flatten in (C, H, W) order, dense layers; the loss of {@link Loss} averaged over the samples.
 * No patch matrices, no buffers, no BLAS: the reference the GEMM-over-patches network is checked against.
 */
final class DirectCnn {

    private final CnnArchitecture arch;

    DirectCnn(CnnArchitecture arch) {
        this.arch = arch;
    }

    /** f(x) of one image given as a flat (C, H, W) row. */
    double[] output(double[] theta, double[] image) {
        return output(theta, image, new Shift(-1, -1, 0));
    }

    /** A value added to u[filter, position] of the first convolution (position = oy·width + ox), before σ. */
    record Shift(int filter, int position, double by) {}

    /** f(x) with the first convolution's pre-activation shifted at one filter and position. */
    double[] output(double[] theta, double[] image, Shift shift) {
        double[][][] h = new double[arch.channels()][arch.height()][arch.width()];
        int i = 0;
        for (double[][] plane : h) {
            for (double[] row : plane) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = image[i++];
                }
            }
        }
        for (int l = 0; l < arch.convolutionCount(); l++) {
            h = convolve(theta, l, h, l == 0 ? shift : null);
        }
        double[] v = new double[arch.flatDim()];
        i = 0;
        for (double[][] plane : h) {
            for (double[] row : plane) {
                for (double value : row) {
                    v[i++] = value;
                }
            }
        }
        for (int l = arch.convolutionCount(); l < arch.depth(); l++) {
            double[] u = new double[arch.rows(l)];
            for (int j = 0; j < u.length; j++) {
                double sum = theta[arch.biasOffset(l) + j];
                for (int k = 0; k < v.length; k++) {
                    sum += theta[arch.weightOffset(l) + j * v.length + k] * v[k];
                }
                u[j] = l < arch.depth() - 1 ? sigma(sum) : sum;
            }
            v = u;
        }
        return v;
    }

    private double[][][] convolve(double[] theta, int l, double[][][] in, Shift shift) {
        ConvLayer conv = arch.convolutions().get(l);
        int q = conv.kernel();
        int height = conv.convolvedSide(in[0].length);
        int width = conv.convolvedSide(in[0][0].length);
        double[][][] out = new double[conv.filters()][height][width];
        for (int k = 0; k < conv.filters(); k++) {
            for (int oy = 0; oy < height; oy++) {
                for (int ox = 0; ox < width; ox++) {
                    double sum = theta[arch.biasOffset(l) + k];
                    for (int c = 0; c < in.length; c++) {
                        for (int dy = 0; dy < q; dy++) {
                            for (int dx = 0; dx < q; dx++) {
                                int y = oy * conv.stride() + dy - conv.padding();
                                int x = ox * conv.stride() + dx - conv.padding();
                                if (y >= 0 && y < in[c].length && x >= 0 && x < in[c][y].length) {
                                    sum += theta[arch.weightOffset(l) + ((k * in.length + c) * q + dy) * q + dx]
                                            * in[c][y][x];
                                }
                            }
                        }
                    }
                    if (shift != null && shift.filter() == k && shift.position() == oy * width + ox) {
                        sum += shift.by();
                    }
                    out[k][oy][ox] = sigma(sum);
                }
            }
        }
        return conv.pool() ? pool(out) : out;
    }

    private static double[][][] pool(double[][][] in) {
        double[][][] out = new double[in.length][in[0].length / 2][in[0][0].length / 2];
        for (int c = 0; c < in.length; c++) {
            for (int y = 0; y < out[c].length; y++) {
                for (int x = 0; x < out[c][y].length; x++) {
                    out[c][y][x] = Math.max(
                            Math.max(in[c][2 * y][2 * x], in[c][2 * y][2 * x + 1]),
                            Math.max(in[c][2 * y + 1][2 * x], in[c][2 * y + 1][2 * x + 1]));
                }
            }
        }
        return out;
    }

    private double sigma(double v) {
        return switch (arch.activation()) {
            case RELU -> Math.max(v, 0);
            case TANH -> Math.tanh(v);
            case IDENTITY -> v;
        };
    }

    /** L(θ) = (1/n) Σᵢ ℓᵢ over the images (rows) and targets. */
    double loss(double[] theta, double[][] images, double[][] targets, Loss loss) {
        double sum = 0;
        for (int i = 0; i < images.length; i++) {
            sum += sampleLoss(output(theta, images[i]), targets[i], loss);
        }
        return sum / images.length;
    }

    /** ℓ(f, y): (1/c)‖f − y‖² or log Σ_k e^{f_k} − Σ_k y_k f_k. */
    static double sampleLoss(double[] f, double[] y, Loss loss) {
        double sum = 0;
        if (loss == Loss.MSE) {
            for (int k = 0; k < f.length; k++) {
                sum += (f[k] - y[k]) * (f[k] - y[k]) / f.length;
            }
            return sum;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            max = Math.max(max, v);
        }
        double exps = 0;
        for (double v : f) {
            exps += Math.exp(v - max);
        }
        for (int k = 0; k < f.length; k++) {
            sum += y[k] * (max + Math.log(exps) - f[k]);
        }
        return sum;
    }

    /** ∇L(θ) by central differences of step h. */
    double[] numericalGradient(double[] theta, double[][] images, double[][] targets, Loss loss, double h) {
        double[] g = new double[theta.length];
        double[] t = theta.clone();
        for (int j = 0; j < theta.length; j++) {
            t[j] = theta[j] + h;
            double plus = loss(t, images, targets, loss);
            t[j] = theta[j] - h;
            double minus = loss(t, images, targets, loss);
            t[j] = theta[j];
            g[j] = (plus - minus) / (2 * h);
        }
        return g;
    }
}
