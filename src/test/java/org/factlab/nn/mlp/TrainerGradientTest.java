package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.factlab.math.FeatureMatrices;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test (3): FACT from the per-sample loss gradients gᵢ = ∂ℓᵢ/∂h of our backward pass, −(1/(nλ)) Σᵢ gᵢhᵢᵀ,
 * equals −(1/λ) Wᵀ ∇_W L with ∇_W L taken from DL4J's own parameter gradient of the trained network on the
 * whole training set (DL4J's gradient is that of the batch sum, unregularised), after the lean trainer has moved
 * the parameters for a few epochs.
 */
class TrainerGradientTest {

    /** tanh as well as ReLU: ReLU's derivative is the same at z and at relu(z), tanh's is not. */
    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"RELU", "TANH"})
    void factFromPerSampleGradientsEqualsTheTrainersParameterGradient(Activation activation) {
        MlpArchitecture arch = new MlpArchitecture(6, 8, 3, 3, activation, true);
        int n = 50;
        double lambda = 1e-3;
        INDArray x = gaussian(n, 6, 1, 41);
        INDArray y = gaussian(n, 3, 1, 42);
        TrainingOptions options =
                new TrainingOptions(Optimizer.SGD, 0.05, 0.9, lambda, LearningRateSchedule.COSINE, 5, 16, 9L);
        MlpTrainer trainer = new MlpTrainer(arch, options, x, y, DataType.DOUBLE);
        for (int e = 0; e < 5; e++) {
            trainer.trainEpoch(() -> false);
        }
        MultiLayerNetwork net = trainer.network();
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        MlpWeights weights = trainer.weights();
        ForwardPass pass = new ForwardPass(weights, arch.activation(), x);
        List<INDArray> deltas = pass.backward(MlpProbe.lossDelta(pass.output(), y));
        for (int l = 0; l < arch.depth(); l++) {
            INDArray w = weights.weight(l);
            INDArray trainerGradient =
                    net.gradient().getGradientFor(l + "_W").transpose().div(n);
            INDArray fromTrainer = FeatureMatrices.factFromGradient(w, trainerGradient, lambda);
            INDArray perSample = FeatureMatrices.fact(pass.inputGradient(l, deltas.get(l)), pass.input(l), lambda);
            double error = perSample.sub(fromTrainer).norm2Number().doubleValue()
                    / fromTrainer.norm2Number().doubleValue();
            assertTrue(error < 1e-12, "layer " + l + ": relative difference " + error);
        }
    }
}
