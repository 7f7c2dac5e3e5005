package org.factlab.nn.imported;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The leading convolutions of a Deeplearning4j network (loaded from a DL4J zip or imported from Keras):
 * {@code ConvolutionLayer}s with square windows, equal strides, no dilation and a symmetric zero padding (Keras'
 * {@code padding='same'} at stride 1 and an odd window: (q − 1)/2 on every side), each optionally followed by one
 * max-pooling {@code SubsamplingLayer} of 2×2 windows and stride 2; anything else among them is refused naming the
 * layer. Deeplearning4j holds a convolution's W as [out, in, q, q] in either data format, read as the k×cq² matrix of
 * patch FACT; a channels-last network (Keras) flattens its last convolution's output in (H, W, C) order, so the first
 * dense layer's columns are put into the (C, H, W) order of the lean CNN ({@link #channelsFirst}).
 */
final class Dl4jConvolutions {

    /** What was read: per convolution its name, shape, W (k×cq²), b (1×k or null) and σ; the layers it took. */
    record Read(
            List<String> names,
            List<ImportedNetwork.ConvShape> shapes,
            List<INDArray> weights,
            List<INDArray> biases,
            List<IActivation> activations,
            int layers) {}

    private Dl4jConvolutions() {}

    /** The convolutions (and their pooling) at the start of {@code layers}; none when it starts otherwise. */
    static Read read(Layer[] layers) throws ModelFileException {
        List<String> names = new ArrayList<>();
        List<ImportedNetwork.ConvShape> shapes = new ArrayList<>();
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> biases = new ArrayList<>();
        List<IActivation> activations = new ArrayList<>();
        int used = 0;
        for (; used < layers.length; used++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layers[used].conf().getLayer();
            String name = conf.getLayerName() == null ? "layer " + used : conf.getLayerName();
            if (conf instanceof ConvolutionLayer conv && conv.getClass() == ConvolutionLayer.class) {
                INDArray w = layers[used].getParam("W");
                shapes.add(shape(name, conv, (int) w.size(1)));
                names.add(name);
                weights.add(w.castTo(DataType.DOUBLE)
                        .reshape('c', w.size(0), w.length() / w.size(0))
                        .dup('c'));
                INDArray b = layers[used].paramTable().get("b");
                biases.add(
                        b == null
                                ? null
                                : b.castTo(DataType.DOUBLE)
                                        .reshape(1, b.length())
                                        .dup('c'));
                activations.add(conv.getActivationFn());
            } else if (conf instanceof SubsamplingLayer pool && !shapes.isEmpty()) {
                ImportedNetwork.ConvShape last = shapes.get(shapes.size() - 1);
                if (pool.getPoolingType() != PoolingType.MAX
                        || !all(pool.getKernelSize(), 2)
                        || !all(pool.getStride(), 2)
                        || !all(pool.getPadding(), 0)
                        || !all(pool.getDilation(), 1)
                        || pool.getConvolutionMode() == ConvolutionMode.Same
                        || last.pool() != 0) {
                    throw new ModelFileException("layer '" + name + "' is " + pool.getPoolingType() + " pooling of "
                            + text(pool.getKernelSize()) + " windows and stride " + text(pool.getStride())
                            + "; supported after a convolution: one max-pooling of 2×2 windows and stride 2");
                }
                shapes.set(
                        shapes.size() - 1,
                        new ImportedNetwork.ConvShape(
                                last.channels(), last.filters(), last.kernel(), last.stride(), last.padding(), 2));
            } else {
                break;
            }
        }
        return new Read(names, shapes, weights, biases, activations, used);
    }

    /**
     * A dense layer's W (out × HWC) after a channels-last flatten, with its columns in (C, H, W) order; unchanged
     * after a channels-first one.
     */
    static INDArray channelsFirst(INDArray w, CnnToFeedForwardPreProcessor flatten) {
        if (flatten.getFormat() != CNN2DFormat.NHWC) {
            return w;
        }
        int c = (int) flatten.getNumChannels();
        int h = (int) flatten.getInputHeight();
        int width = (int) flatten.getInputWidth();
        INDArray out = w.dup('c');
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < width; x++) {
                    out.putColumn((ch * h + y) * width + x, w.getColumn((y * width + x) * c + ch));
                }
            }
        }
        return out;
    }

    private static ImportedNetwork.ConvShape shape(String name, ConvolutionLayer conv, int channels)
            throws ModelFileException {
        int[] k = conv.getKernelSize();
        int[] s = conv.getStride();
        int[] p = conv.getPadding();
        if (k[0] != k[1] || s[0] != s[1] || !all(conv.getDilation(), 1)) {
            throw new ModelFileException("layer '" + name + "' has " + text(k) + " windows, stride " + text(s)
                    + " and dilation " + text(conv.getDilation()) + "; supported: square windows, equal strides, "
                    + "no dilation");
        }
        int padding;
        if (conv.getConvolutionMode() == ConvolutionMode.Same) {
            if (s[0] != 1 || k[0] % 2 == 0) {
                throw new ModelFileException("layer '" + name + "' pads 'same' with stride " + s[0] + " and "
                        + k[0] + "×" + k[0] + " windows, which pads unevenly; supported: 'same' at stride 1 with "
                        + "an odd window, or 'valid'");
            }
            padding = (k[0] - 1) / 2;
        } else if (p[0] == p[1] && p[0] < k[0]) {
            padding = p[0];
        } else {
            throw new ModelFileException("layer '" + name + "' pads " + text(p) + "; supported: the same zero padding "
                    + "on every side, less than the window");
        }
        return new ImportedNetwork.ConvShape(channels, (int) conv.getNOut(), k[0], s[0], padding, 0);
    }

    private static boolean all(int[] values, int value) {
        for (int v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    private static String text(int[] values) {
        return values[0] + "×" + values[1];
    }
}
