package org.factlab.nn.mlp;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains an MLP on Deeplearning4j (MultiLayerNetwork) with the paper's objective
 * L_λ(θ) = (1/n) Σᵢ ℓᵢ + (λ/2)‖θ‖², ℓᵢ = (1/c)‖f(xᵢ) − yᵢ‖² (DL4J's {@code LossMSE}: per example
 * Σ(f − y)²/c, averaged over the minibatch), λ as DL4J's coupled {@code l2} on weights and {@code l2Bias} on
 * biases (all of θ, like PyTorch's {@code weight_decay}). Initialisation as PyTorch's {@code nn.Linear}:
 * weights and biases U(±1/√fan_in), drawn from the seed. Hidden layers are DL4J dense layers that keep the
 * forward pass's pre-activation for the backward pass ({@link KeptPreActivationDenseLayer}).
 */
public final class MlpTrainer {

    private final MlpArchitecture architecture;
    private final TrainingOptions options;
    private final MultiLayerNetwork net;
    private final INDArray x;
    private final INDArray y;
    /** x and y in this epoch's order, refilled every epoch (one allocation per run, not per epoch). */
    private final INDArray shuffledX;
    private final INDArray shuffledY;
    private final SplittableRandom shuffle;
    private int epoch;

    /**
     * @param x        training inputs n×d
     * @param y        training targets n×c (one-hot for classification)
     * @param dataType parameters and training arithmetic (FLOAT for runs, DOUBLE for exact tests)
     */
    public MlpTrainer(MlpArchitecture architecture, TrainingOptions options, INDArray x, INDArray y, DataType dataType) {
        if (x.rows() != y.rows() || x.columns() != architecture.inputDim() || y.columns() != architecture.outputDim()) {
            throw new IllegalArgumentException("data " + x.rows() + "×" + x.columns() + " → " + y.rows() + "×"
                    + y.columns() + " does not fit the architecture " + architecture);
        }
        this.architecture = architecture;
        this.options = options;
        this.x = x.castTo(dataType);
        this.y = y.castTo(dataType);
        this.shuffledX = Nd4j.create(dataType, x.shape(), 'c');
        this.shuffledY = Nd4j.create(dataType, y.shape(), 'c');
        this.net = new MultiLayerNetwork(configuration(architecture, options, dataType));
        net.init();
        SplittableRandom random = new SplittableRandom(options.seed());
        initialise(net, random.split(), dataType);
        this.shuffle = random.split();
    }

    private static org.deeplearning4j.nn.conf.MultiLayerConfiguration configuration(MlpArchitecture a,
                                                                                    TrainingOptions o, DataType type) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .dataType(type)
                .updater(o.optimizer().updater(new EpochSchedule(o.schedule(), o.lr(), o.epochs()), o.momentum()))
                .l2(o.lambda())
                .l2Bias(o.lambda())
                .weightInit(WeightInit.ZERO)
                .list();
        for (int l = 0; l < a.depth() - 1; l++) {
            list.layer(new KeptPreActivationDenseLayer(a.layerInputs(l), a.width(),
                    a.activation().dl4j().getActivationFunction(), a.bias()));
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(a.layerInputs(a.depth() - 1))
                .nOut(a.outputDim()).activation(org.nd4j.linalg.activations.Activation.IDENTITY).hasBias(a.bias())
                .build());
        return list.build();
    }

    /** W and b of every layer ~ U(−1/√fan_in, 1/√fan_in), layer by layer, W row by row in the paper's out×in. */
    private static void initialise(MultiLayerNetwork net, SplittableRandom random, DataType type) {
        for (Layer layer : net.getLayers()) {
            INDArray w = layer.getParam("W");
            int in = (int) w.rows();
            int out = (int) w.columns();
            double bound = 1 / Math.sqrt(in);
            layer.setParam("W", uniform(random, bound, out, in, type).transpose().dup('f'));
            if (layer.paramTable().containsKey("b")) {
                layer.setParam("b", uniform(random, bound, 1, out, type));
            }
        }
    }

    private static INDArray uniform(SplittableRandom random, double bound, int rows, int cols, DataType type) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = bound * (2 * random.nextDouble() - 1);
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE).castTo(type);
    }

    /**
     * One epoch of minibatch updates in a fresh seeded order, at the rate of this epoch. Returns false, with
     * the epoch unfinished, when {@code cancelled} turns true (checked before every batch).
     */
    public boolean trainEpoch(BooleanSupplier cancelled) {
        long n = x.rows();
        int[] order = permutation((int) n);
        INDArray xs = Nd4j.pullRows(x, shuffledX, 1, order);
        INDArray ys = Nd4j.pullRows(y, shuffledY, 1, order);
        for (long start = 0; start < n; start += options.batchSize()) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            long end = Math.min(n, start + options.batchSize());
            net.fit(new DataSet(rows(xs, start, end), rows(ys, start, end)));
        }
        net.incrementEpochCount();
        epoch++;
        return true;
    }

    private static INDArray rows(INDArray a, long start, long end) {
        return a.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }

    /** Fisher–Yates shuffle of 0 … n−1 from the trainer's seeded stream. */
    private int[] permutation(int n) {
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
        return order;
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    /** The learning rate the next epoch trains at (the last epoch's after the end). */
    public double currentRate() {
        return options.rate(Math.min(epoch, options.epochs() - 1));
    }

    /** DL4J's score of the last minibatch: its mean ℓᵢ plus (λ/2)‖θ‖². */
    public double lastScore() {
        return net.score();
    }

    /** Float64 copy of the current parameters. */
    public MlpWeights weights() {
        return MlpWeights.of(net);
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    /** The DL4J network (for tests of its semantics). */
    MultiLayerNetwork network() {
        return net;
    }
}
