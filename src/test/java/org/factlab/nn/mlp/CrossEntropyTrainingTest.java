package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cross-entropy training and probing against Deeplearning4j's own softmax cross-entropy ({@code LossMCXENT} after a
 * softmax output layer): one full-batch SGD step of the lean trainer moves θ by −lr (∇L + λθ) with DL4J's parameter
 * gradient, and the probe's loss is DL4J's score without its (λ/2)‖θ‖².
 */
class CrossEntropyTrainingTest {

    private static final int N = 40;
    private static final double LAMBDA = 1e-3;
    private static final double LR = 0.1;

    @Test
    void aFullBatchStepFollowsDl4jsCrossEntropyGradientAndTheProbeItsLoss() {
        MlpArchitecture arch = new MlpArchitecture(6, 8, 3, 3, Activation.TANH, true);
        INDArray x = gaussian(N, 6, 1, 51);
        INDArray y = oneHot(N, 3);
        TrainingOptions options = new TrainingOptions(
                Optimizer.SGD, LR, 0, LAMBDA, LearningRateSchedule.CONSTANT, 1, N, 5L, Loss.CROSS_ENTROPY);
        MlpTrainer trainer = new MlpTrainer(arch, options, x, y, DataType.DOUBLE);
        MlpWeights before = trainer.weights();
        MultiLayerNetwork net = trainer.network();
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        double squaredNorm = net.params().mul(net.params()).sumNumber().doubleValue();
        double probeLoss = new MlpProbe(before, Activation.TANH, 7, Loss.CROSS_ENTROPY).lossAndAccuracy(x, y)[0];
        assertEquals(net.score() - 0.5 * LAMBDA * squaredNorm, probeLoss, 1e-12);
        INDArray[] gradients = new INDArray[arch.depth()];
        for (int l = 0; l < arch.depth(); l++) {
            gradients[l] =
                    net.gradient().getGradientFor(l + "_W").transpose().div(N).dup();
        }
        trainer.trainEpoch(() -> false);
        MlpWeights after = trainer.weights();
        for (int l = 0; l < arch.depth(); l++) {
            INDArray expected = before.weight(l)
                    .sub(gradients[l].add(before.weight(l).mul(LAMBDA)).mul(LR));
            double error = after.weight(l).sub(expected).norm2Number().doubleValue()
                    / expected.norm2Number().doubleValue();
            assertTrue(error < 1e-12, "layer " + l + ": relative difference " + error);
        }
    }

    private static INDArray oneHot(int n, int c) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, c);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7) % c, 1.0);
        }
        return y;
    }
}
