package org.factlab.nn.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.NativeBuffer;
import org.factlab.nn.mlp.Optimizer;
import org.factlab.nn.mlp.TrainingOptions;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GEMM-over-patches network against {@link DirectCnn} (direct convolution sums in plain Java): outputs, the
 * gradient of L against central differences of the direct loss, and the trainer's SGD steps with coupled weight
 * decay and heavy-ball momentum, on a network with padding, stride 2, max-pooling of an odd side, two channels and a
 * hidden dense layer.
 */
class CnnGradientTest {

    private static final int N = 5;

    private static CnnArchitecture architecture(Activation activation) {
        return new CnnArchitecture(
                2,
                7,
                6,
                List.of(new ConvLayer(3, 3, 1, 1, true), new ConvLayer(4, 2, 2, 1, false)),
                List.of(5),
                3,
                activation);
    }

    @Test
    void outputsEqualDirectConvolution() {
        for (Activation activation : Activation.values()) {
            CnnArchitecture arch = architecture(activation);
            double[] theta = arch.initialParameters(new SplittableRandom(1));
            double[][] images = images(arch, 2);
            NativeBuffer parameters = NativeBuffer.allocate(DataType.DOUBLE, theta.length);
            parameters.read(Nd4j.createFromArray(theta));
            CnnNetwork.Pass pass = new CnnNetwork(arch, parameters, N).pass(N);
            pass.load(buffer(images), buffer(targets(arch, 3)), j -> j);
            pass.forward();
            DirectCnn direct = new DirectCnn(arch);
            for (int i = 0; i < N; i++) {
                double[] f = direct.output(theta, images[i]);
                for (int k = 0; k < f.length; k++) {
                    assertEquals(f[k], pass.output().buffer.get(k * N + i), 1e-12, activation + " output " + k);
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            for (Activation activation : List.of(Activation.TANH, Activation.RELU)) {
                CnnArchitecture arch = architecture(activation);
                double[] theta = arch.initialParameters(new SplittableRandom(4));
                double[][] images = images(arch, 5);
                double[][] targets = targets(arch, 6);
                double[] g = new double[theta.length];
                new FullBatchCnnObjective(arch, matrix(images), matrix(targets), loss, 0).valueAndGradient(theta, g);
                double[] numerical = new DirectCnn(arch).numericalGradient(theta, images, targets, loss, 1e-6);
                for (int j = 0; j < g.length; j++) {
                    assertEquals(numerical[j], g[j], 1e-7, loss + "/" + activation + " parameter " + j);
                }
            }
        }
    }

    /** Two full-batch heavy-ball steps: b₁ = g₀, θ₁ = θ₀ − ηb₁, b₂ = μb₁ + g₁, θ₂ = θ₁ − ηb₂, g = ∇L + λθ. */
    @Test
    void trainerStepsAreSgdWithCoupledDecayAndMomentum() {
        CnnArchitecture arch = architecture(Activation.TANH);
        double[][] images = images(arch, 7);
        double[][] targets = targets(arch, 8);
        double lr = 0.05;
        double momentum = 0.9;
        double lambda = 0.01;
        long seed = 9;
        CnnTrainer trainer = new CnnTrainer(
                arch,
                new TrainingOptions(
                        Optimizer.SGD, lr, momentum, lambda, LearningRateSchedule.CONSTANT, 2, N, seed, Loss.MSE),
                matrix(images),
                matrix(targets),
                DataType.DOUBLE);
        double[] theta = arch.initialParameters(new SplittableRandom(seed).split());
        DirectCnn direct = new DirectCnn(arch);
        double[] b = new double[theta.length];
        for (int step = 0; step < 2; step++) {
            double[] g = direct.numericalGradient(theta, images, targets, Loss.MSE, 1e-6);
            for (int j = 0; j < theta.length; j++) {
                b[j] = momentum * b[j] + g[j] + lambda * theta[j];
                theta[j] -= lr * b[j];
            }
            trainer.trainEpoch(() -> false);
        }
        double[] trained = trainer.parameters();
        for (int j = 0; j < theta.length; j++) {
            assertEquals(theta[j], trained[j], 1e-8, "parameter " + j);
        }
    }

    static double[][] images(CnnArchitecture arch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[N][arch.inputDim()];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return x;
    }

    static double[][] targets(CnnArchitecture arch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] y = new double[N][arch.outputs()];
        for (double[] row : y) {
            row[random.nextInt(row.length)] = 1;
        }
        return y;
    }

    static INDArray matrix(double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.DOUBLE);
    }

    private static NativeBuffer buffer(double[][] rows) {
        NativeBuffer b = NativeBuffer.allocate(DataType.DOUBLE, (long) rows.length * rows[0].length);
        b.read(matrix(rows));
        return b;
    }
}
