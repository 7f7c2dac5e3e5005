package org.factlab.nn.mlp;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's dense layer (same parameters, initialiser, regularisation and updater handling), except that its
 * backward pass reuses the pre-activation z = Wh + b of the training forward pass. DL4J's {@code BaseLayer}
 * recomputes z in {@code backpropGradient}: one more GEMM of the size of the forward one per layer and step,
 * a third of the floor of a training epoch (bench/README.md).
 */
final class KeptPreActivationDenseLayer extends DenseLayer {

    KeptPreActivationDenseLayer(long nIn, long nOut, IActivation activation, boolean bias) {
        setNIn(nIn);
        setNOut(nOut);
        setActivationFn(activation);
        setHasBias(bias);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray params, boolean initialize, DataType type) {
        LayerValidation.assertNInNOutSet("DenseLayer", getLayerName(), index, getNIn(), getNOut());
        Implementation layer = new Implementation(conf, type);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(params);
        layer.setParamTable(initializer().init(conf, params, initialize));
        layer.setConf(conf);
        return layer;
    }

    /** The layer: keeps a copy of z from the training forward pass until the backward pass of the same input. */
    static final class Implementation extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {

        private INDArray keptFor;
        private INDArray kept;

        Implementation(NeuralNetConfiguration conf, DataType type) {
            super(conf, type);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                                LayerWorkspaceMgr workspaces) {
            if (forBackprop && kept != null && keptFor == input && !hasLayerNorm()) {
                INDArray z = kept;
                kept = null;
                keptFor = null;
                return Pair.of(z, z);
            }
            Pair<INDArray, INDArray> out = super.preOutputWithPreNorm(training, forBackprop, workspaces);
            boolean keep = training && !forBackprop;
            // the activation is applied to z in place after this returns: keep a copy, in the activations' workspace
            kept = keep ? workspaces.dup(ArrayType.ACTIVATIONS, out.getFirst()) : null;
            keptFor = keep ? input : null;
            return out;
        }
    }
}
