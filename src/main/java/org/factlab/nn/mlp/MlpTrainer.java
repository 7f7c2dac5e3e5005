package org.factlab.nn.mlp;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains an MLP with the paper's objective L_λ(θ) = (1/n) Σᵢ ℓᵢ + (λ/2)‖θ‖², ℓᵢ = (1/c)‖f(xᵢ) − yᵢ‖² (DL4J's
 * {@code LossMSE}: per example Σ(f − y)²/c, averaged over the minibatch) or the cross-entropy of softmax(f)
 * ({@link Loss}; DL4J's {@code LossMCXENT} after a softmax output), λ as coupled L2 on weights and biases
 * (all of θ, like PyTorch's {@code weight_decay}). Initialisation as PyTorch's {@code nn.Linear}: weights and
 * biases U(±1/√fan_in), drawn from the seed. The network is defined as a DL4J {@code MultiLayerNetwork} (its
 * {@code l2}/{@code l2Bias} describe the same objective), which holds the parameters whenever they are read
 * ({@link #weights}, {@link #network}); the minibatch steps run in a {@link LeanNetwork} (BLAS GEMMs and Java
 * loops over buffers allocated once per run) with a fused {@link ParameterUpdate}, one epoch per call.
 */
public final class MlpTrainer {

    private final MlpArchitecture architecture;
    private final TrainingOptions options;
    private final MultiLayerNetwork net;
    private final LeanNetwork lean;
    private final ParameterUpdate update;
    private final NativeBuffer x;
    private final NativeBuffer y;
    /** x and y in this epoch's order, refilled every epoch. */
    private final NativeBuffer shuffledX;

    private final NativeBuffer shuffledY;
    private final int[] order;
    private final Batch[] batches;
    /** Where the gradient passes write (heavy ball: straight into its momentum buffer). */
    private final LeanNetwork.Accumulator gradientTarget;

    private final SplittableRandom shuffle;
    private int epoch;
    private long steps;
    private double lastScore = Double.NaN;
    /** The lean network's parameters have moved since they were last copied into the DL4J network. */
    private boolean netStale;

    /**
     * Examples [start, start + B) of the shuffled data, feature-major (x d×B, y c×B: an example per column), with
     * the pass buffers for B examples.
     */
    private record Batch(int start, NativeMatrix x, NativeMatrix y, LeanNetwork.Pass pass) {}

    /**
     * @param x        training inputs n×d
     * @param y        training targets n×c (one-hot for classification)
     * @param dataType parameters and training arithmetic (FLOAT for runs, DOUBLE for exact tests)
     */
    public MlpTrainer(
            MlpArchitecture architecture, TrainingOptions options, INDArray x, INDArray y, DataType dataType) {
        if (x.rows() != y.rows() || x.columns() != architecture.inputDim() || y.columns() != architecture.outputDim()) {
            throw new IllegalArgumentException("data " + x.rows() + "×" + x.columns() + " → " + y.rows() + "×"
                    + y.columns() + " does not fit the architecture " + architecture);
        }
        this.architecture = architecture;
        this.options = options;
        this.net = new MultiLayerNetwork(configuration(architecture, options, dataType));
        net.init();
        SplittableRandom random = new SplittableRandom(options.seed());
        initialise(net, random.split(), dataType);
        this.shuffle = random.split();
        int n = Math.toIntExact(x.rows());
        int d = architecture.inputDim();
        int c = architecture.outputDim();
        this.x = NativeBuffer.allocate(dataType, (long) n * d);
        this.x.read(x);
        this.y = NativeBuffer.allocate(dataType, (long) n * c);
        this.y.read(y);
        this.shuffledX = NativeBuffer.allocate(dataType, (long) n * d);
        this.shuffledY = NativeBuffer.allocate(dataType, (long) n * c);
        this.order = new int[n];
        int batch = Math.min(n, options.batchSize());
        this.lean = new LeanNetwork(architecture, net, dataType, batch, options.loss());
        this.update = new ParameterUpdate(options, dataType, lean.parameters().length());
        this.gradientTarget = lean.accumulator(update.gradientTarget(lean.gradients()), update.gradientBeta());
        LeanNetwork.Pass full = lean.pass(batch);
        LeanNetwork.Pass last = n % batch == 0 ? full : lean.pass(n % batch);
        this.batches = new Batch[(n + batch - 1) / batch];
        for (int b = 0; b < batches.length; b++) {
            LeanNetwork.Pass pass = (b + 1) * batch <= n ? full : last;
            int start = b * batch;
            batches[b] = new Batch(
                    start,
                    new NativeMatrix(shuffledX, start * d, d, pass.examples()),
                    new NativeMatrix(shuffledY, start * c, c, pass.examples()),
                    pass);
        }
    }

    private static org.deeplearning4j.nn.conf.MultiLayerConfiguration configuration(
            MlpArchitecture a, TrainingOptions o, DataType type) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .dataType(type)
                .updater(new NoOp())
                .l2(o.lambda())
                .l2Bias(o.lambda())
                .weightInit(WeightInit.ZERO)
                .list();
        for (int l = 0; l < a.depth() - 1; l++) {
            list.layer(new DenseLayer.Builder()
                    .nIn(a.layerInputs(l))
                    .nOut(a.width())
                    .activation(a.activation().dl4j())
                    .hasBias(a.bias())
                    .build());
        }
        boolean crossEntropy = o.loss() == Loss.CROSS_ENTROPY;
        list.layer(new OutputLayer.Builder(
                        crossEntropy ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                .nIn(a.layerInputs(a.depth() - 1))
                .nOut(a.outputDim())
                .activation(
                        crossEntropy
                                ? org.nd4j.linalg.activations.Activation.SOFTMAX
                                : org.nd4j.linalg.activations.Activation.IDENTITY)
                .hasBias(a.bias())
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
            layer.setParam(
                    "W", uniform(random, bound, out, in, type).transpose().dup('f'));
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
        shuffleRows();
        double rate = options.rate(epoch);
        for (int b = 0; b < batches.length; b++) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            Batch batch = batches[b];
            boolean last = b == batches.length - 1;
            double loss = batch.pass().gradient(batch.x(), batch.y(), gradientTarget);
            double squaredNorm = update.apply(lean.parameters(), lean.gradients(), rate, steps++, last);
            if (last) {
                lastScore = loss + 0.5 * options.lambda() * squaredNorm;
            }
            netStale = true;
        }
        epoch++;
        return true;
    }

    /**
     * Copies the rows of x and y, in a Fisher–Yates order from the seeded stream, into the shuffled buffers as the
     * columns of their minibatches' blocks.
     */
    private void shuffleRows() {
        int n = order.length;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int d = architecture.inputDim();
        int c = architecture.outputDim();
        for (Batch batch : batches) {
            int examples = batch.pass().examples();
            for (int k = 0; k < examples; k++) {
                int row = order[batch.start() + k];
                shuffledX.copyToColumn(x, row * d, batch.start() * d + k, examples, d);
                shuffledY.copyToColumn(y, row * c, batch.start() * c + k, examples, c);
            }
        }
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    /** The learning rate the next epoch trains at (the last epoch's after the end). */
    public double currentRate() {
        return options.rate(Math.min(epoch, options.epochs() - 1));
    }

    /**
     * The score (DL4J's) of the last minibatch of the last finished epoch: its mean ℓᵢ plus (λ/2)‖θ‖², at the
     * parameters before its step.
     */
    public double lastScore() {
        return lastScore;
    }

    /** Float64 copy of the current parameters. */
    public MlpWeights weights() {
        return MlpWeights.of(network());
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    /** The DL4J network holding the current parameters (for tests of its semantics). */
    MultiLayerNetwork network() {
        if (netStale) {
            net.params().assign(lean.parameters().toArray().reshape(net.params().shape()));
            netStale = false;
        }
        return net;
    }
}
