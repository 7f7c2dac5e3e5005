package org.factlab.nn.cnn;

import org.factlab.nn.mlp.Lbfgs;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.NativeBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L_λ(θ) = (1/n) Σᵢ ℓᵢ + (λ/2)‖θ‖² of a CNN on a whole (small) data set in float64, with its gradient from one
 * {@link CnnNetwork} pass: the objective the tests drive to a critical point.
 */
final class FullBatchCnnObjective implements Lbfgs.Objective {

    private final NativeBuffer theta;
    private final NativeBuffer gradient;
    private final NativeBuffer x;
    private final NativeBuffer y;
    private final CnnNetwork.Pass pass;
    private final CnnNetwork.Accumulator into;
    private final Loss loss;
    private final double lambda;

    FullBatchCnnObjective(CnnArchitecture arch, INDArray x, INDArray y, Loss loss, double lambda) {
        int n = Math.toIntExact(x.rows());
        theta = NativeBuffer.allocate(DataType.DOUBLE, arch.parameterCount());
        gradient = NativeBuffer.allocate(DataType.DOUBLE, arch.parameterCount());
        this.x = NativeBuffer.allocate(DataType.DOUBLE, x.length());
        this.x.read(x);
        this.y = NativeBuffer.allocate(DataType.DOUBLE, y.length());
        this.y.read(y);
        CnnNetwork network = new CnnNetwork(arch, theta, n);
        pass = network.pass(n);
        into = network.accumulator(gradient, 0);
        this.loss = loss;
        this.lambda = lambda;
    }

    @Override
    public double valueAndGradient(double[] parameters, double[] g) {
        theta.read(Nd4j.createFromArray(parameters));
        pass.load(x, y, j -> j);
        pass.forward();
        int n = pass.examples();
        double value = OutputLoss.lossAndSeed(loss, pass.output(), pass.targets(), pass.outputGradient(), n) / n;
        pass.backward(into);
        for (int i = 0; i < g.length; i++) {
            g[i] = gradient.get(i) + lambda * parameters[i];
            value += lambda / 2 * parameters[i] * parameters[i];
        }
        return value;
    }
}
