package org.factlab.experiments.inspect;

import java.util.ArrayList;
import java.util.List;
import org.factlab.experiments.SpecValidationException;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.cnn.ConvLayer;
import org.factlab.nn.imported.ImportedNetwork;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpWeights;

/**
 * A network with convolutions read from a file, set up as the lean CNN of {@code nn.cnn} whose probe gives the
 * patch forms (docs/science.md, "Convolutional layers"): the file's convolutions with the spec's strides, paddings
 * and pools (a safetensors file does not hold them; a Keras or Deeplearning4j file does, and an empty field takes
 * them from it) on the data's C×H×W images, then its dense layers, σ after every layer but the last.
 */
final class ImportedCnn {

    private ImportedCnn() {}

    /**
     * The architecture of {@code convolutions} followed by dense layers of {@code denseOutputs} units, the first of
     * which takes {@code flatInputs}; a {@link SpecValidationException} naming the field when the data are not images
     * of the first convolution's channels ({@code dataset}) or the spec's strides, paddings and pools do not fit the
     * images and the first dense layer.
     *
     * @param image [C, H, W] of the data, empty when they are not images
     */
    static CnnArchitecture architecture(
            List<ImportedNetwork.ConvShape> convolutions,
            int flatInputs,
            List<Integer> denseOutputs,
            List<Integer> image,
            InspectSpec spec,
            Activation activation) {
        int channels = convolutions.get(0).channels();
        if (image.isEmpty() || image.get(0) != channels) {
            throw new SpecValidationException(
                    "dataset",
                    "the model's first convolution takes images of " + channels
                            + " channels; " + spec.dataset()
                            + (image.isEmpty() ? " holds no images" : " has " + image.get(0))
                            + "; allowed: mnist, fashion-mnist (1×28×28), cifar10 (3×32×32) or an uploaded "
                            + ".npz whose X is n×C×H×W");
        }
        int count = convolutions.size();
        List<Integer> strides = fromSpecOrFile(
                "strides",
                spec.strides(),
                spec.strideList(count),
                convolutions.stream().map(ImportedNetwork.ConvShape::stride).toList());
        List<Integer> paddings = fromSpecOrFile(
                "paddings",
                spec.paddings(),
                spec.paddingList(count),
                convolutions.stream().map(ImportedNetwork.ConvShape::padding).toList());
        List<Integer> pools = fromSpecOrFile(
                "pools",
                spec.pools(),
                spec.poolList(count),
                convolutions.stream().map(ImportedNetwork.ConvShape::pool).toList());
        List<ConvLayer> layers = new ArrayList<>();
        int h = image.get(1);
        int w = image.get(2);
        for (int l = 0; l < count; l++) {
            ImportedNetwork.ConvShape conv = convolutions.get(l);
            if (paddings.get(l) >= conv.kernel()) {
                throw new SpecValidationException(
                        "paddings",
                        paddings.get(l) + " for convolution " + (l + 1)
                                + " with " + conv.kernel() + "×" + conv.kernel() + " windows; allowed: less than "
                                + conv.kernel());
            }
            ConvLayer layer =
                    new ConvLayer(conv.filters(), conv.kernel(), strides.get(l), paddings.get(l), pools.get(l) == 2);
            h = layer.outputSide(h);
            w = layer.outputSide(w);
            if (h < 1 || w < 1) {
                throw new SpecValidationException(
                        "strides",
                        "convolution " + (l + 1) + " leaves no output pixel with these strides, paddings and pools; "
                                + "allowed: values as in training");
            }
            layers.add(layer);
        }
        int flat = convolutions.get(count - 1).filters() * h * w;
        if (flat != flatInputs) {
            throw new SpecValidationException(
                    "strides",
                    "with strides " + strides + ", paddings " + paddings
                            + " and pools " + pools + " the last convolution gives " + flat + " values, but the first "
                            + "dense layer takes " + flatInputs
                            + "; allowed: the strides, paddings and pools the "
                            + "network was trained with");
        }
        return new CnnArchitecture(
                channels,
                image.get(1),
                image.get(2),
                layers,
                denseOutputs.subList(0, denseOutputs.size() - 1),
                denseOutputs.get(denseOutputs.size() - 1),
                activation);
    }

    /**
     * A per-convolution field: the file's values where it has them (Keras, Deeplearning4j) and the field is empty, the
     * field's (or their defaults) otherwise; a field contradicting the file is refused naming it.
     */
    private static List<Integer> fromSpecOrFile(
            String field, String given, List<Integer> fromSpec, List<Integer> fromFile) {
        List<Integer> out = new ArrayList<>();
        for (int l = 0; l < fromSpec.size(); l++) {
            Integer file = fromFile.get(l);
            if (file != null && !given.isBlank() && !file.equals(fromSpec.get(l))) {
                throw new SpecValidationException(
                        field,
                        fromSpec.get(l) + " for convolution " + (l + 1) + ", but the " + "model file says " + file
                                + "; allowed: empty (as the file says) or the file's values");
            }
            out.add(file != null ? file : fromSpec.get(l));
        }
        return out;
    }

    /** {@link #architecture} of a network read from a file. */
    static CnnArchitecture architecture(
            ImportedNetwork net, List<Integer> image, InspectSpec spec, Activation activation) {
        List<ImportedNetwork.LayerShape> dense =
                net.layers().subList(net.convolutions().size(), net.layers().size());
        return architecture(
                net.convolutions(),
                dense.get(0).in(),
                dense.stream().map(ImportedNetwork.LayerShape::out).toList(),
                image,
                spec,
                activation);
    }

    /** The flat θ of {@code arch} (every layer's W row-major, then its b; a missing bias is 0) from the file's. */
    static double[] parameters(ImportedNetwork net, CnnArchitecture arch) {
        MlpWeights weights = net.weights();
        double[] theta = new double[arch.parameterCount()];
        for (int l = 0; l < arch.depth(); l++) {
            double[] w = weights.weight(l).dup('c').reshape(-1).toDoubleVector();
            System.arraycopy(w, 0, theta, arch.weightOffset(l), w.length);
            if (weights.bias(l) != null) {
                double[] b = weights.bias(l).dup('c').reshape(-1).toDoubleVector();
                System.arraycopy(b, 0, theta, arch.biasOffset(l), b.length);
            }
        }
        return theta;
    }
}
