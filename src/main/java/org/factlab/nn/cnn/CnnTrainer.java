package org.factlab.nn.cnn;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.factlab.nn.mlp.NativeBuffer;
import org.factlab.nn.mlp.Optimizer;
import org.factlab.nn.mlp.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link CnnNetwork} on L_λ(θ) = (1/n) Σᵢ ℓᵢ + (λ/2)‖θ‖² by minibatch SGD with coupled weight decay on all
 * parameters (PyTorch's {@code SGD(lr, momentum=μ, weight_decay=λ)}): g = ∇L_B + λθ, b ← μb + g, θ ← θ − ηb (plain
 * SGD for μ = 0). Minibatches come from a seeded shuffle each epoch (the last one may be smaller), the learning rate
 * is stepped per epoch, initialisation is PyTorch's ({@link CnnArchitecture#initialParameters}). All buffers are
 * allocated here; an epoch allocates nothing.
 */
public final class CnnTrainer {

    private final TrainingOptions options;
    private final NativeBuffer x;
    private final NativeBuffer y;
    private final NativeBuffer theta;
    private final NativeBuffer step;
    private final CnnNetwork network;
    private final CnnNetwork.Pass full;
    private final CnnNetwork.Pass tail;
    private final CnnNetwork.Accumulator gradient;
    private final int[] order;
    private final SplittableRandom shuffle;
    private int epoch;
    private double lastLoss = Double.NaN;

    /**
     * @param x    training images n × CHW, each row in (C, H, W) order
     * @param y    training targets n × c (one-hot for classification)
     * @param type FLOAT for runs, DOUBLE for exact tests
     */
    public CnnTrainer(CnnArchitecture arch, TrainingOptions options, INDArray x, INDArray y, DataType type) {
        if (options.optimizer() != Optimizer.SGD) {
            throw new IllegalArgumentException("the CNN trainer runs SGD (with momentum), not " + options.optimizer());
        }
        if (x.rows() != y.rows() || x.columns() != arch.inputDim() || y.columns() != arch.outputs()) {
            throw new IllegalArgumentException("data " + x.rows() + "×" + x.columns() + " → " + y.rows() + "×"
                    + y.columns() + " does not fit " + arch);
        }
        this.options = options;
        int n = Math.toIntExact(x.rows());
        this.x = NativeBuffer.allocate(type, x.length());
        this.x.read(x);
        this.y = NativeBuffer.allocate(type, y.length());
        this.y.read(y);
        SplittableRandom random = new SplittableRandom(options.seed());
        theta = NativeBuffer.allocate(type, arch.parameterCount());
        theta.read(Nd4j.createFromArray(arch.initialParameters(random.split())));
        shuffle = random.split();
        step = NativeBuffer.allocate(type, arch.parameterCount());
        int batch = Math.min(options.batchSize(), n);
        network = new CnnNetwork(arch, theta, batch);
        full = network.pass(batch);
        tail = n % batch == 0 ? null : network.pass(n % batch);
        gradient = network.accumulator(step, options.momentum());
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /** One epoch of minibatch steps; false if cancelled before its end. */
    public boolean trainEpoch(BooleanSupplier cancelled) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double rate = options.rate(epoch);
        for (int start = 0; start < order.length; start += full.examples()) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            CnnNetwork.Pass pass = start + full.examples() <= order.length ? full : tail;
            int first = start;
            pass.load(x, y, j -> order[first + j]);
            pass.forward();
            int b = pass.examples();
            lastLoss =
                    OutputLoss.lossAndSeed(options.loss(), pass.output(), pass.targets(), pass.outputGradient(), b) / b;
            pass.backward(gradient);
            descend(rate);
        }
        epoch++;
        return true;
    }

    /** b ← (μb + ∇L_B) + λθ (the pass left μb + ∇L_B in the step buffer), θ ← θ − ηb. */
    private void descend(double rate) {
        double lambda = options.lambda();
        for (int i = 0; i < theta.length(); i++) {
            double t = theta.get(i);
            double b = step.get(i) + lambda * t;
            step.set(i, b);
            theta.set(i, t - rate * b);
        }
    }

    /** Mean loss (1/B) Σᵢ ℓᵢ of the last minibatch, before its step. */
    public double lastLoss() {
        return lastLoss;
    }

    /** Epochs trained so far. */
    public int epoch() {
        return epoch;
    }

    /** The current θ as float64. */
    public double[] parameters() {
        return theta.toArray().castTo(DataType.DOUBLE).toDoubleVector();
    }
}
