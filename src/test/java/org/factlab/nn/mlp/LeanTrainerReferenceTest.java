package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trainer's minibatch steps against an independent float64 implementation written out sample by sample
 * ({@link Reference}): same initial parameters, same seeded order of the rows (Fisher–Yates from the seed's
 * second split stream, the last batch smaller), PyTorch's cosine schedule stepped per epoch, coupled L2 on
 * weights and biases, PyTorch's heavy ball / plain SGD / DL4J's Adam; ReLU, tanh and identity, with and without
 * bias. Compares every parameter after three epochs and the score of the last minibatch, in float64 (to rounding)
 * and float32 (to float32 accuracy).
 */
class LeanTrainerReferenceTest {

    private static final int N = 37;
    private static final int EPOCHS = 3;
    private static final double LAMBDA = 0.03;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Activation.RELU, true, Optimizer.SGD, 0.9, 0.05),
                Arguments.of(Activation.TANH, true, Optimizer.SGD, 0.9, 0.05),
                Arguments.of(Activation.TANH, false, Optimizer.SGD, 0.0, 0.1),
                Arguments.of(Activation.IDENTITY, false, Optimizer.SGD, 0.0, 0.05),
                Arguments.of(Activation.IDENTITY, true, Optimizer.SGD, 0.5, 0.05),
                Arguments.of(Activation.RELU, false, Optimizer.ADAM, 0.0, 0.01),
                Arguments.of(Activation.RELU, true, Optimizer.ADAM, 0.0, 0.01));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float64StepsEqualTheReference(
            Activation activation, boolean bias, Optimizer optimizer, double momentum, double lr) {
        compare(activation, bias, optimizer, momentum, lr, DataType.DOUBLE, 1e-12);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32StepsEqualTheReferenceToFloatAccuracy(
            Activation activation, boolean bias, Optimizer optimizer, double momentum, double lr) {
        compare(activation, bias, optimizer, momentum, lr, DataType.FLOAT, 2e-5);
    }

    private static void compare(
            Activation activation,
            boolean bias,
            Optimizer optimizer,
            double momentum,
            double lr,
            DataType type,
            double tolerance) {
        MlpArchitecture arch = new MlpArchitecture(5, 7, 3, 3, activation, bias);
        INDArray x = gaussian(N, 5, 1, 51);
        INDArray y = gaussian(N, 3, 1, 52);
        TrainingOptions options =
                new TrainingOptions(optimizer, lr, momentum, LAMBDA, LearningRateSchedule.COSINE, EPOCHS, 8, 13L);
        MlpTrainer trainer = new MlpTrainer(arch, options, x, y, type);
        Reference reference = new Reference(trainer.weights(), options, activation, x, y);
        for (int e = 0; e < EPOCHS; e++) {
            trainer.trainEpoch(() -> false);
            reference.epoch(e);
        }
        MlpWeights trained = trainer.weights();
        for (int l = 0; l < arch.depth(); l++) {
            double scale = 1 + reference.maxAbs(l);
            double wError = reference.maxWeightDifference(l, trained.weight(l));
            assertTrue(wError < tolerance * scale, "W of layer " + l + ": " + wError);
            if (bias) {
                double bError = reference.maxBiasDifference(l, trained.bias(l));
                assertTrue(bError < tolerance * scale, "b of layer " + l + ": " + bError);
            }
        }
        assertEquals(reference.lastScore, trainer.lastScore(), tolerance * (1 + reference.lastScore));
    }

    /** Plain float64 arrays, one sample at a time: W[l][out][in], b[l][out]. */
    private static final class Reference {
        private final double[][][] w;
        private final double[][] b;
        private final double[][][] wState1;
        private final double[][][] wState2;
        private final double[][] bState1;
        private final double[][] bState2;
        private final TrainingOptions options;
        private final Activation activation;
        private final double[][] x;
        private final double[][] y;
        private final SplittableRandom shuffle;
        private final boolean bias;
        private long steps;
        double lastScore;

        Reference(MlpWeights start, TrainingOptions options, Activation activation, INDArray x, INDArray y) {
            int depth = start.depth();
            this.bias = start.bias(0) != null;
            w = new double[depth][][];
            b = new double[depth][];
            wState1 = new double[depth][][];
            wState2 = new double[depth][][];
            bState1 = new double[depth][];
            bState2 = new double[depth][];
            for (int l = 0; l < depth; l++) {
                w[l] = start.weight(l).toDoubleMatrix();
                int out = w[l].length;
                int in = w[l][0].length;
                b[l] = bias ? start.bias(l).toDoubleVector() : new double[out];
                wState1[l] = new double[out][in];
                wState2[l] = new double[out][in];
                bState1[l] = new double[out];
                bState2[l] = new double[out];
            }
            this.options = options;
            this.activation = activation;
            this.x = x.toDoubleMatrix();
            this.y = y.toDoubleMatrix();
            SplittableRandom random = new SplittableRandom(options.seed());
            random.split();
            this.shuffle = random.split();
        }

        void epoch(int e) {
            int n = x.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double rate = options.lr() * 0.5 * (1 + Math.cos(Math.PI * e / options.epochs()));
            for (int start = 0; start < n; start += options.batchSize()) {
                int end = Math.min(n, start + options.batchSize());
                step(order, start, end, rate);
            }
        }

        private void step(int[] order, int start, int end, double rate) {
            int depth = w.length;
            double[][][] gw = new double[depth][][];
            double[][] gb = new double[depth][];
            for (int l = 0; l < depth; l++) {
                gw[l] = new double[w[l].length][w[l][0].length];
                gb[l] = new double[w[l].length];
            }
            int batch = end - start;
            double loss = 0;
            for (int s = start; s < end; s++) {
                double[][] h = new double[depth + 1][];
                double[][] z = new double[depth][];
                h[0] = x[order[s]];
                for (int l = 0; l < depth; l++) {
                    z[l] = new double[w[l].length];
                    for (int o = 0; o < z[l].length; o++) {
                        double v = b[l][o];
                        for (int i = 0; i < h[l].length; i++) {
                            v += w[l][o][i] * h[l][i];
                        }
                        z[l][o] = v;
                    }
                    h[l + 1] = l < depth - 1 ? sigma(z[l]) : z[l];
                }
                double[] target = y[order[s]];
                int c = target.length;
                double[] delta = new double[c];
                for (int k = 0; k < c; k++) {
                    double e = h[depth][k] - target[k];
                    loss += e * e / c / batch;
                    delta[k] = 2 * e / c / batch;
                }
                for (int l = depth - 1; l >= 0; l--) {
                    for (int o = 0; o < delta.length; o++) {
                        gb[l][o] += delta[o];
                        for (int i = 0; i < h[l].length; i++) {
                            gw[l][o][i] += delta[o] * h[l][i];
                        }
                    }
                    if (l > 0) {
                        double[] previous = new double[h[l].length];
                        for (int i = 0; i < previous.length; i++) {
                            double v = 0;
                            for (int o = 0; o < delta.length; o++) {
                                v += delta[o] * w[l][o][i];
                            }
                            previous[i] = v * derivative(z[l - 1][i]);
                        }
                        delta = previous;
                    }
                }
            }
            double squares = 0;
            for (int l = 0; l < depth; l++) {
                for (int o = 0; o < w[l].length; o++) {
                    for (int i = 0; i < w[l][o].length; i++) {
                        squares += w[l][o][i] * w[l][o][i];
                        w[l][o][i] = updated(w[l][o][i], gw[l][o][i], wState1[l][o], wState2[l][o], i, rate);
                    }
                    if (bias) {
                        squares += b[l][o] * b[l][o];
                        b[l][o] = updated(b[l][o], gb[l][o], bState1[l], bState2[l], o, rate);
                    }
                }
            }
            steps++;
            lastScore = loss + LAMBDA / 2 * squares;
        }

        /** θ after one step of the configured optimiser on gradient g + λθ; state1/state2 hold b or Adam's m, v. */
        private double updated(double theta, double g, double[] state1, double[] state2, int k, double rate) {
            double grad = g + LAMBDA * theta;
            if (options.optimizer() == Optimizer.ADAM) {
                state1[k] = 0.9 * state1[k] + 0.1 * grad;
                state2[k] = 0.999 * state2[k] + 0.001 * grad * grad;
                double alpha = rate * Math.sqrt(1 - Math.pow(0.999, steps + 1)) / (1 - Math.pow(0.9, steps + 1));
                return theta - alpha * state1[k] / (Math.sqrt(state2[k]) + 1e-8);
            }
            if (options.momentum() > 0) {
                state1[k] = options.momentum() * state1[k] + grad;
                return theta - rate * state1[k];
            }
            return theta - rate * grad;
        }

        private double[] sigma(double[] z) {
            double[] h = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                h[i] = switch (activation) {
                    case RELU -> Math.max(0, z[i]);
                    case TANH -> Math.tanh(z[i]);
                    case IDENTITY -> z[i];
                };
            }
            return h;
        }

        private double derivative(double z) {
            return switch (activation) {
                case RELU -> z > 0 ? 1 : 0;
                case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
                case IDENTITY -> 1;
            };
        }

        double maxAbs(int l) {
            double m = 0;
            for (double[] row : w[l]) {
                for (double v : row) {
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }

        double maxWeightDifference(int l, INDArray trained) {
            double[][] t = trained.toDoubleMatrix();
            double m = 0;
            for (int o = 0; o < t.length; o++) {
                for (int i = 0; i < t[o].length; i++) {
                    m = Math.max(m, Math.abs(t[o][i] - w[l][o][i]));
                }
            }
            return m;
        }

        double maxBiasDifference(int l, INDArray trained) {
            double[] t = trained.toDoubleVector();
            double m = 0;
            for (int o = 0; o < t.length; o++) {
                m = Math.max(m, Math.abs(t[o] - b[l][o]));
            }
            return m;
        }
    }
}
