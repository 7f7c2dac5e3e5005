package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.factlab.nn.mlp.MlpFixtures.maxAbsDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Test (5): what {@link MlpTrainer} really optimises, in float64, against an independent gradient (our own
 * backward pass): the score is (1/B) Σᵢ (1/c)‖f − y‖² + (λ/2)‖θ‖² over all parameters (DL4J's with
 * {@code l2(λ)} / {@code l2Bias(λ)}), λθ is added to the gradient before the optimiser (coupled), the minibatch
 * gradient is the batch mean, and the steps are PyTorch's SGD / heavy ball. In DL4J itself (the coupled Adam
 * reference of the trainer's Adam), {@code l2} is coupled and {@code weightDecay} subtracts ηλθ after the
 * updater (decoupled), a different rule.
 */
class Dl4jSemanticsTest {

    private static final MlpArchitecture ARCH = new MlpArchitecture(3, 4, 2, 2, Activation.TANH, true);
    private static final INDArray X = gaussian(5, 3, 1, 11);
    private static final INDArray Y = gaussian(5, 2, 1, 12);
    private static final double LAMBDA = 0.3;
    private static final double LR = 0.05;
    private static final double ADAM_LR = 0.02;

    @Test
    void scoreIsMeanLossOverOutputsPlusHalfLambdaTimesAllSquaredParameters() {
        MlpTrainer trainer = new MlpTrainer(ARCH, MlpFixtures.sgd(LR, 0, LAMBDA, 5), X, Y, DataType.DOUBLE);
        MlpWeights before = trainer.weights();
        double loss = new MlpProbe(before, ARCH.activation(), 5).lossAndAccuracy(X, Y)[0];
        INDArray f = trainer.network().output(X);
        double independent = f.sub(Y).norm2Number().doubleValue();
        assertEquals(independent * independent / (5 * 2), loss, 1e-14, "L = (1/n) Σ (1/c)‖f − y‖²");
        trainer.trainEpoch(() -> false);
        assertEquals(loss + 0.5 * LAMBDA * squaredNorm(before), trainer.lastScore(), 1e-12);
    }

    @Test
    void plainSgdStepsAlongTheBatchMeanGradientPlusLambdaTheta() {
        MlpTrainer trainer = new MlpTrainer(ARCH, MlpFixtures.sgd(LR, 0, LAMBDA, 5), X, Y, DataType.DOUBLE);
        MlpWeights before = trainer.weights();
        ProbeResult probe = new MlpProbe(before, ARCH.activation(), 5).probe(X, Y, LAMBDA);
        List<INDArray> biasGradients = MlpFixtures.biasGradients(before, ARCH.activation(), X, Y);
        trainer.trainEpoch(() -> false);
        MlpWeights after = trainer.weights();
        for (int l = 0; l < ARCH.depth(); l++) {
            INDArray expectedW = before.weight(l)
                    .sub(probe.dataGradient(l).add(before.weight(l).mul(LAMBDA)).mul(LR));
            INDArray expectedB = before.bias(l)
                    .sub(biasGradients.get(l).add(before.bias(l).mul(LAMBDA)).mul(LR));
            assertTrue(maxAbsDifference(expectedW, after.weight(l)) < 1e-14, "W of layer " + l);
            assertTrue(maxAbsDifference(expectedB, after.bias(l)) < 1e-14, "b of layer " + l);
        }
    }

    /** Two steps on the same batch: b₁ = g₀, θ₁ = θ₀ − ηb₁, b₂ = μb₁ + g₁, θ₂ = θ₁ − ηb₂ (PyTorch's SGD). */
    @Test
    void heavyBallIsPyTorchMomentum() {
        double mu = 0.9;
        TrainingOptions options = new TrainingOptions(
                Optimizer.SGD, LR, mu, LAMBDA, org.factlab.nn.quadratic.LearningRateSchedule.CONSTANT, 2, 5, 3L);
        MlpTrainer trainer = new MlpTrainer(ARCH, options, X, Y, DataType.DOUBLE);
        MlpWeights theta0 = trainer.weights();
        INDArray g0 = regularizedGradient(theta0, 0);
        trainer.trainEpoch(() -> false);
        MlpWeights theta1 = trainer.weights();
        INDArray g1 = regularizedGradient(theta1, 0);
        trainer.trainEpoch(() -> false);
        INDArray expected = theta1.weight(0).sub(g0.mul(mu).addi(g1).muli(LR));
        assertTrue(maxAbsDifference(theta0.weight(0).sub(g0.mul(LR)), theta1.weight(0)) < 1e-14);
        assertTrue(maxAbsDifference(expected, trainer.weights().weight(0)) < 1e-14);
    }

    /**
     * One Adam step of a linear model from θ₀: with {@code l2(λ)} DL4J feeds g + λθ to Adam (coupled, PyTorch's
     * {@code Adam(weight_decay=λ)}); with {@code weightDecay(λ)} it feeds g and then subtracts a multiple of ηθ
     * (decoupled, AdamW-like): only the first has the fixed points of L_λ. In 1.0.0-M2.1 the builder's global
     * {@code weightDecay} even ends up twice in each layer's regularisation list, so the step subtracts 2ηλθ.
     */
    @Test
    void l2IsCoupledAndWeightDecayIsDecoupled() {
        double lambda = 0.2;
        MultiLayerNetwork coupled = linearAdam(lambda, true);
        MultiLayerNetwork decoupled = linearAdam(lambda, false);
        decoupled.setParams(coupled.params().dup());
        INDArray w0 = coupled.getLayer(0).getParam("W").dup();
        INDArray g = dataGradientOfLinear(w0);
        coupled.fit(new DataSet(X, Y));
        decoupled.fit(new DataSet(X, Y));
        INDArray expectedCoupled = w0.sub(firstAdamStep(g.add(w0.mul(lambda))));
        INDArray expectedDecoupled = w0.sub(firstAdamStep(g)).subi(w0.mul(2 * ADAM_LR * lambda));
        assertTrue(maxAbsDifference(expectedCoupled, coupled.getLayer(0).getParam("W")) < 1e-12);
        List<?> regularisation = ((BaseLayer) decoupled.getLayer(0).conf().getLayer()).getRegularization();
        assertEquals(2, regularisation.size(), "the global weightDecay lands twice in the layer's list");
        assertTrue(maxAbsDifference(expectedDecoupled, decoupled.getLayer(0).getParam("W")) < 1e-12);
        assertTrue(maxAbsDifference(expectedCoupled, expectedDecoupled) > 1e-3, "the rules differ");
    }

    /** ∇_W L_λ of layer l (paper orientation) from our own backward pass. */
    private static INDArray regularizedGradient(MlpWeights weights, int l) {
        ProbeResult probe = new MlpProbe(weights, ARCH.activation(), 5).probe(X, Y, LAMBDA);
        return probe.dataGradient(l).addi(weights.weight(l).mul(LAMBDA));
    }

    /** DL4J's first Adam step lr·√(1−β₂)/(1−β₁) · m/(√v + ε) with m = (1−β₁)g, v = (1−β₂)g². */
    private static INDArray firstAdamStep(INDArray g) {
        double beta1 = 0.9;
        double beta2 = 0.999;
        INDArray m = g.mul(1 - beta1);
        INDArray v = g.mul(g).muli(1 - beta2);
        double alpha = ADAM_LR * Math.sqrt(1 - beta2) / (1 - beta1);
        return m.div(Transforms.sqrt(v, true).addi(1e-8)).muli(alpha);
    }

    /** ∇_W of (1/n) Σ (1/c)‖xW − y‖² for DL4J's [nIn, nOut] W: (2/(nc)) Xᵀ(XW − Y). */
    private static INDArray dataGradientOfLinear(INDArray w) {
        return X.transpose().mmul(X.mmul(w).sub(Y)).muli(2.0 / (5 * 2));
    }

    private static MultiLayerNetwork linearAdam(double lambda, boolean coupled) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.DOUBLE)
                .updater(new Adam(ADAM_LR));
        builder = coupled ? builder.l2(lambda) : builder.weightDecay(lambda);
        MultiLayerNetwork net = new MultiLayerNetwork(builder.list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(3)
                        .nOut(2)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY)
                        .hasBias(false)
                        .build())
                .build());
        net.init();
        return net;
    }

    private static double squaredNorm(MlpWeights weights) {
        double s = 0;
        for (int l = 0; l < weights.depth(); l++) {
            s += Math.pow(weights.weight(l).norm2Number().doubleValue(), 2);
            s += Math.pow(weights.bias(l).norm2Number().doubleValue(), 2);
        }
        return s;
    }
}
