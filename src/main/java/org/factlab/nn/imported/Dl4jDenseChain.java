package org.factlab.nn.imported;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
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
 * dense layers: {@code DenseLayer} / {@code OutputLayer} with ReLU, tanh or identity, the same σ on every hidden
 * layer and identity or softmax on the last; an {@code ActivationLayer} right after a dense layer with identity sets
 * that layer's σ, a {@code LossLayer} (no parameters) may end the chain with identity or softmax. Anything else
 * (convolutions, dropout, normalisation, input preprocessors …) is refused with the layer's name.
 */
final class Dl4jDenseChain {

    private Dl4jDenseChain() {
    }

    static ImportedNetwork of(MultiLayerNetwork net) throws ModelFileException {
        refuseConvolutions(net);
        if (net.getLayerWiseConfigurations().getInputPreProcessors() != null
                && !net.getLayerWiseConfigurations().getInputPreProcessors().isEmpty()) {
            throw new ModelFileException("the network reshapes its inputs (input preprocessor "
                    + net.getLayerWiseConfigurations().getInputPreProcessors().values().iterator().next()
                    .getClass().getSimpleName() + "); supported: a chain of dense layers on flat inputs");
        }
        List<String> names = new ArrayList<>();
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> biases = new ArrayList<>();
        List<IActivation> activations = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String name = conf.getLayerName() == null ? "layer " + names.size() : conf.getLayerName();
            if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                names.add(name);
                weights.add(layer.getParam("W").transpose().castTo(DataType.DOUBLE).dup('c'));
                INDArray b = layer.paramTable().get("b");
                biases.add(b == null ? null : b.castTo(DataType.DOUBLE).reshape(1, b.length()).dup('c'));
                activations.add(((BaseLayer) conf).getActivationFn());
            } else if (conf instanceof ActivationLayer || conf instanceof LossLayer) {
                IActivation fn = conf instanceof ActivationLayer a ? a.getActivationFn() : ((LossLayer) conf).getActivationFn();
                if (activations.isEmpty() || !(activations.get(activations.size() - 1) instanceof ActivationIdentity)) {
                    throw new ModelFileException("layer '" + name + "' (" + conf.getClass().getSimpleName()
                            + ") must follow a dense layer without its own activation");
                }
                activations.set(activations.size() - 1, fn);
            } else {
                throw new ModelFileException("layer '" + name + "' is a " + conf.getClass().getSimpleName()
                        + "; supported: a chain of dense layers with ReLU, tanh or identity between them");
            }
        }
        DenseChecks.chain(names, weights, biases);
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
        return new ImportedNetwork(new MlpWeights(weights, biases), hidden == null ? Activation.IDENTITY : hidden,
                last instanceof ActivationSoftmax, names);
    }

    /**
     * Convolutional layers of Keras and Deeplearning4j files are refused by name: their flatten order (Keras'
     * channels-last H, W, C) and padding modes are not mapped onto the patch probe; PyTorch safetensors are read.
     */
    private static void refuseConvolutions(MultiLayerNetwork net) throws ModelFileException {
        for (Layer layer : net.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (conf instanceof ConvolutionLayer || conf instanceof SubsamplingLayer) {
                throw new ModelFileException("layer '" + conf.getLayerName() + "' is a "
                        + conf.getClass().getSimpleName() + ": convolutional networks are read from PyTorch "
                        + "safetensors files only, not yet from Keras or Deeplearning4j files; save the state_dict "
                        + "with safetensors (safetensors.torch.save_file(model.state_dict(), 'model.safetensors'))");
            }
        }
    }

    private static boolean zeroOrUnset(Double value) {
        return value == null || value == 0;
    }

    private static Activation hiddenActivation(String name, IActivation fn) throws ModelFileException {
        if (fn instanceof ActivationReLU relu && relu.getMax() == null && zeroOrUnset(relu.getThreshold())
                && zeroOrUnset(relu.getNegativeSlope())) {
            return Activation.RELU;
        }
        if (fn instanceof ActivationTanH) {
            return Activation.TANH;
        }
        if (fn instanceof ActivationIdentity) {
            return Activation.IDENTITY;
        }
        throw new ModelFileException("layer '" + name + "' applies " + fn + "; supported between layers: ReLU, tanh "
                + "or identity");
    }
}
