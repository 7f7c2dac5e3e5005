package org.factlab.nn.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A convolutional network as PyTorch's {@code nn.Sequential(Conv2d, σ, [MaxPool2d(2)], …, Flatten, Linear, σ, …,
 * Linear)}: the convolutions on channels×height×width images, the last one's output flattened in (C, H, W) order,
 * then dense layers of the {@code hidden} widths and a linear output layer of {@code outputs} units. Every layer has
 * a bias. Weight layers are numbered from 0: the convolutions first, then the dense layers.
 *
 * <p>Layer l's weight is the matrix W of the paper's FACT: a convolution's W is k×cq² (filter j's row holds its
 * [channel][dy][dx] entries, PyTorch's {@code weight[j].flatten()}), a dense layer's out×in. The flat parameter
 * vector holds, layer by layer, W row-major and then b (PyTorch's {@code state_dict} order).
 */
public record CnnArchitecture(
        int channels,
        int height,
        int width,
        List<ConvLayer> convolutions,
        List<Integer> hidden,
        int outputs,
        Activation activation) {

    public CnnArchitecture {
        convolutions = List.copyOf(convolutions);
        hidden = List.copyOf(hidden);
        if (channels < 1
                || height < 1
                || width < 1
                || outputs < 1
                || convolutions.isEmpty()
                || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException(
                    "need a positive image shape, at least one convolution, positive " + "widths and outputs");
        }
        int h = height;
        int w = width;
        for (ConvLayer conv : convolutions) {
            if (conv.convolvedSide(h) < 1
                    || conv.convolvedSide(w) < 1
                    || conv.outputSide(h) < 1
                    || conv.outputSide(w) < 1) {
                throw new IllegalArgumentException(conv + " does not fit a " + h + "×" + w + " input");
            }
            h = conv.outputSide(h);
            w = conv.outputSide(w);
        }
    }

    public int convolutionCount() {
        return convolutions.size();
    }

    /** Weight layers: the convolutions and the dense layers. */
    public int depth() {
        return convolutions.size() + hidden.size() + 1;
    }

    /** {channels, height, width} of convolution l's input; l = convolutionCount() gives the last one's output. */
    int[] shape(int l) {
        int[] s = {channels, height, width};
        for (int i = 0; i < l; i++) {
            ConvLayer conv = convolutions.get(i);
            s = new int[] {conv.filters(), conv.outputSide(s[1]), conv.outputSide(s[2])};
        }
        return s;
    }

    /** Side lengths {height, width} of convolution l's output before pooling. */
    int[] convolvedShape(int l) {
        int[] in = shape(l);
        ConvLayer conv = convolutions.get(l);
        return new int[] {conv.convolvedSide(in[1]), conv.convolvedSide(in[2])};
    }

    /** Input dimension of the first dense layer: the flattened output of the last convolution. */
    public int flatDim() {
        int[] s = shape(convolutions.size());
        return s[0] * s[1] * s[2];
    }

    /** Pixels per image, channels × height × width. */
    public int inputDim() {
        return channels * height * width;
    }

    /** Rows of layer l's W: filters of a convolution, units of a dense layer. */
    public int rows(int l) {
        if (l < convolutions.size()) {
            return convolutions.get(l).filters();
        }
        int dense = l - convolutions.size();
        return dense < hidden.size() ? hidden.get(dense) : outputs;
    }

    /** Columns of layer l's W: cq² of a convolution (the patch length), the input width of a dense layer. */
    public int cols(int l) {
        if (l < convolutions.size()) {
            int q = convolutions.get(l).kernel();
            return shape(l)[0] * q * q;
        }
        int dense = l - convolutions.size();
        return dense == 0 ? flatDim() : hidden.get(dense - 1);
    }

    /** Offset of layer l's W in the flat parameter vector; its bias follows at offset + rows·cols. */
    public int weightOffset(int l) {
        int offset = 0;
        for (int i = 0; i < l; i++) {
            offset += rows(i) * (cols(i) + 1);
        }
        return offset;
    }

    public int biasOffset(int l) {
        return weightOffset(l) + rows(l) * cols(l);
    }

    public int parameterCount() {
        return weightOffset(depth());
    }

    /**
     * PyTorch's default initialisation of {@code Conv2d} and {@code Linear}: weights and biases U(−1/√fan_in,
     * 1/√fan_in), fan_in = cq² or in (docs/science.md, "Initialisation"), drawn layer by layer, weights first.
     */
    public double[] initialParameters(SplittableRandom random) {
        double[] theta = new double[parameterCount()];
        for (int l = 0; l < depth(); l++) {
            double bound = 1 / Math.sqrt(cols(l));
            for (int i = weightOffset(l); i < biasOffset(l) + rows(l); i++) {
                theta[i] = random.nextDouble(-bound, bound);
            }
        }
        return theta;
    }

    /** Float64 copies of every layer's W (rows×cols) and b (1×rows) from a flat parameter vector. */
    public MlpWeights weights(double[] theta) {
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        for (int l = 0; l < depth(); l++) {
            double[] wl = new double[rows(l) * cols(l)];
            System.arraycopy(theta, weightOffset(l), wl, 0, wl.length);
            double[] bl = new double[rows(l)];
            System.arraycopy(theta, biasOffset(l), bl, 0, bl.length);
            w.add(Nd4j.create(wl, new long[] {rows(l), cols(l)}, 'c').castTo(DataType.DOUBLE));
            b.add(Nd4j.create(bl, new long[] {1, rows(l)}, 'c').castTo(DataType.DOUBLE));
        }
        return new MlpWeights(w, b);
    }
}
