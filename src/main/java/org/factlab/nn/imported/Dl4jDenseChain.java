package org.factlab.nn.imported;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpWeights;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Deeplearning4j {@code MultiLayerNetwork} (loaded from a DL4J zip or imported from Keras) read as a chain of
 * dense layers, optionally after convolutions ({@link Dl4jConvolutions}) flattened once before the first of them:
 * {@code DenseLayer} / {@code OutputLayer} with ReLU, tanh or identity, the same σ on every hidden layer and every
 * convolution and identity or softmax on the last; an {@code ActivationLayer} right after a dense layer with identity
 * sets that layer's σ, a {@code LossLayer} (no parameters) may end the chain with identity or softmax. Anything else
 * (dropout, normalisation, other pooling, other input preprocessors …) is refused with the layer's name.
 */
final class Dl4jDenseChain {

    private Dl4jDenseChain() {}

    static ImportedNetwork of(MultiLayerNetwork net) throws ModelFileException {
        Layer[] all = net.getLayers();
        Dl4jConvolutions.Read convolutions = Dl4jConvolutions.read(all);
        int first = convolutions.layers();
        CnnToFeedForwardPreProcessor flatten = flatten(net, convolutions);
        List<String> names = new ArrayList<>(convolutions.names());
        List<INDArray> weights = new ArrayList<>(convolutions.weights());
        List<INDArray> biases = new ArrayList<>(convolutions.biases());
        List<IActivation> activations = new ArrayList<>(convolutions.activations());
        for (int i = first; i < all.length; i++) {
            Layer layer = all[i];
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String name = conf.getLayerName() == null ? "layer " + i : conf.getLayerName();
            if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                names.add(name);
                INDArray w =
                        layer.getParam("W").transpose().castTo(DataType.DOUBLE).dup('c');
                weights.add(i == first && flatten != null ? Dl4jConvolutions.channelsFirst(w, flatten) : w);
                INDArray b = layer.paramTable().get("b");
                biases.add(
                        b == null
                                ? null
                                : b.castTo(DataType.DOUBLE)
                                        .reshape(1, b.length())
                                        .dup('c'));
                activations.add(((BaseLayer) conf).getActivationFn());
            } else if ((conf instanceof ActivationLayer || conf instanceof LossLayer) && i > first) {
                IActivation fn =
                        conf instanceof ActivationLayer a ? a.getActivationFn() : ((LossLayer) conf).getActivationFn();
                if (!(activations.get(activations.size() - 1) instanceof ActivationIdentity)) {
                    throw new ModelFileException(
                            "layer '" + name + "' (" + conf.getClass().getSimpleName()
                                    + ") must follow a dense layer without its own activation");
                }
                activations.set(activations.size() - 1, fn);
            } else {
                throw new ModelFileException(
                        "layer '" + name + "' is a " + conf.getClass().getSimpleName()
                                + "; supported: a chain of dense layers with ReLU, tanh or identity between them, "
                                + "optionally after convolutions (each optionally followed by 2×2 max-pooling)");
            }
        }
        int convs = convolutions.shapes().size();
        DenseChecks.finite(names.subList(0, convs), weights.subList(0, convs), biases.subList(0, convs));
        DenseChecks.chain(
                names.subList(convs, names.size()),
                weights.subList(convs, weights.size()),
                biases.subList(convs, biases.size()));
        Activation hidden = null;
        for (int l = 0; l + 1 < activations.size(); l++) {
            Activation a = hiddenActivation(names.get(l), activations.get(l));
            if (hidden != null && a != hidden) {
                throw new ModelFileException("layer '" + names.get(l) + "' uses " + a.id() + " but an earlier layer "
                        + hidden.id() + "; supported: the same activation after every hidden layer");
            }
            hidden = a;
        }
        IActivation last = activations.get(activations.size() - 1);
        if (!(last instanceof ActivationIdentity) && !(last instanceof ActivationSoftmax)) {
            throw new ModelFileException("the last layer '" + names.get(names.size() - 1) + "' applies " + last
                    + "; supported there: identity (linear) or softmax");
        }
        return new ImportedNetwork(
                new MlpWeights(weights, biases),
                hidden == null ? Activation.IDENTITY : hidden,
                last instanceof ActivationSoftmax,
                names,
                convolutions.shapes());
    }

    /**
     * The flatten before the first dense layer after convolutions (null without convolutions); any other input
     * preprocessor (a reshaped input, a flatten elsewhere) is refused.
     */
    private static CnnToFeedForwardPreProcessor flatten(MultiLayerNetwork net, Dl4jConvolutions.Read convolutions)
            throws ModelFileException {
        Map<Integer, InputPreProcessor> preprocessors =
                net.getLayerWiseConfigurations().getInputPreProcessors();
        CnnToFeedForwardPreProcessor flatten = null;
        for (Map.Entry<Integer, InputPreProcessor> e :
                preprocessors == null ? Map.<Integer, InputPreProcessor>of().entrySet() : preprocessors.entrySet()) {
            if (!convolutions.shapes().isEmpty()
                    && e.getKey() == convolutions.layers()
                    && e.getValue() instanceof CnnToFeedForwardPreProcessor f) {
                flatten = f;
            } else {
                throw new ModelFileException("the network reshapes the input of its layer " + e.getKey() + " (input "
                        + "preprocessor " + e.getValue().getClass().getSimpleName() + "); supported: flat inputs to "
                        + "dense layers, or images to convolutions flattened once before the first dense layer");
            }
        }
        if (!convolutions.shapes().isEmpty() && flatten == null) {
            throw new ModelFileException("the convolutions' output is not flattened before the first dense layer");
        }
        return flatten;
    }

    private static boolean zeroOrUnset(Double value) {
        return value == null || value == 0;
    }

    private static Activation hiddenActivation(String name, IActivation fn) throws ModelFileException {
        if (fn instanceof ActivationReLU relu
                && relu.getMax() == null
                && zeroOrUnset(relu.getThreshold())
                && zeroOrUnset(relu.getNegativeSlope())) {
            return Activation.RELU;
        }
        if (fn instanceof ActivationTanH) {
            return Activation.TANH;
        }
        if (fn instanceof ActivationIdentity) {
            return Activation.IDENTITY;
        }
        throw new ModelFileException(
                "layer '" + name + "' applies " + fn + "; supported between layers: ReLU, tanh " + "or identity");
    }
}
