package org.factlab.nn.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small random networks and data sets in float64 for the MLP tests. */
final class MlpFixtures {

    private MlpFixtures() {}

    /** rows×cols float64 with N(0, scale²) entries. */
    static INDArray gaussian(int rows, int cols, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }

    /** Random weights (and biases) for an architecture, entries N(0, 1/fan_in). */
    static MlpWeights randomWeights(MlpArchitecture a, long seed) {
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        for (int l = 0; l < a.depth(); l++) {
            double scale = 1 / Math.sqrt(a.layerInputs(l));
            w.add(gaussian(a.layerOutputs(l), a.layerInputs(l), scale, seed + 2L * l));
            b.add(a.bias() ? gaussian(1, a.layerOutputs(l), scale, seed + 2L * l + 1) : null);
        }
        return new MlpWeights(w, b);
    }

    /** Plain SGD (no momentum) at a constant rate, one epoch of one full batch of n samples. */
    static TrainingOptions sgd(double lr, double momentum, double lambda, int batchSize) {
        return new TrainingOptions(
                Optimizer.SGD, lr, momentum, lambda, LearningRateSchedule.CONSTANT, 1, batchSize, 7L);
    }

    /** Largest |aᵢⱼ − bᵢⱼ|. */
    static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    /** ∂L/∂b = (1/n) Σᵢ δᵢ of every layer, from one forward and backward pass. */
    static List<INDArray> biasGradients(MlpWeights weights, Activation activation, INDArray x, INDArray y) {
        ForwardPass pass = new ForwardPass(weights, activation, x);
        List<INDArray> out = new ArrayList<>();
        for (INDArray delta : pass.backward(MlpProbe.lossDelta(pass.output(), y))) {
            out.add(delta.sum(0).reshape(1, delta.columns()).divi(x.rows()));
        }
        return out;
    }
}
