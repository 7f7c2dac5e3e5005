package org.factlab.experiments.inspect;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.nn.mlp.Loss;

/**
 * Spec of an {@code inspect} run: FACT diagnostics of a network trained elsewhere, on given data, with the training
 * facts the file does not hold (λ, the loss, the activation of a safetensors file). Field names are a public
 * contract (JSON keys, CSV exports, presets).
 */
public record InspectSpec(
        @SpecField(
                description = "Model: an id from /api/models (an uploaded safetensors, Keras .h5 or "
                        + "Deeplearning4j zip file) or the bundled example-mnist-mlp")
        String model,

        @SpecField(
                description = "Data: a bundled dataset (mnist, fashion-mnist, cifar10) or the id of a table "
                        + "uploaded with /api/datasets (used exactly as given: all rows, no preprocessing)")
        String dataset,

        @SpecField(
                description = "Samples n of a bundled dataset, taken from its training set as subset says "
                        + "(ignored for an uploaded table)",
                min = 1,
                max = 60_000)
        int n,

        @SpecField(description = "Random seed of the subset of a bundled dataset", min = 0, max = 9.007199254740992E15)
        long seed,

        @SpecField(
                description = "Standardise each input feature of a bundled dataset with the subset's mean and "
                        + "std (default: pixels in [0, 1]); as the network was trained")
        boolean standardise,

        @SpecField(
                description = "Weight decay λ used in training (coupled L2, PyTorch's weight_decay): L_λ = L + "
                        + "(λ/2)‖θ‖²; FACT divides by it. Keras' kernel_regularizer l2(c) adds c‖θ‖², which is "
                        + "λ = 2c here",
                min = 0,
                max = 10,
                minExclusive = true)
        double lambda,

        @SpecField(
                description = "Loss the network was trained with: mse = mean squared error over the outputs "
                        + "with one-hot targets (nn.MSELoss), cross-entropy = softmax cross-entropy of the outputs "
                        + "(nn.CrossEntropyLoss)")
        Loss loss,

        @SpecField(
                description = "Activation between the layers: file = as the model file says (Keras, "
                        + "Deeplearning4j; a safetensors file does not say, so choose relu, tanh or identity there)",
                choices = {"file", "relu", "tanh", "identity"})
        String activation,

        @SpecField(
                description = "Layer order of a safetensors file: its tensor-name prefixes, comma-separated "
                        + "(e.g. fc1,fc2,out); empty = in name order (0, 2, 4 or fc1, fc2, fc10)")
        String layers,

        @SpecField(description = "Also record the backward forms (bFACT, bAGOP, beNFA vs WWᵀ, Appendix A)")
        boolean backward,

        @SpecField(
                description = "Which n images of a bundled dataset's training set: training = the first n in file "
                        + "order (x_train[:n], all of them for n = its size), the data a network trained on them saw; "
                        + "stratified = a stratified, seeded subset. FACT's relative error measures the distance from "
                        + "a critical point of the objective on exactly the data probed, so state the data the network "
                        + "was trained on (ignored for an uploaded table, used as given)",
                choices = {"training", "stratified"})
        String subset,

        @SpecField(
                description = "Stride of each convolution of the model, comma-separated in layer order (PyTorch's "
                        + "Conv2d stride, which a safetensors file does not hold); empty = as a Keras or "
                        + "Deeplearning4j file says, else 1 for every convolution")
        String strides,

        @SpecField(
                description = "Zero padding of each convolution on every side, comma-separated in layer order (Conv2d "
                        + "padding, less than the window side); empty = as a Keras or Deeplearning4j file says, else 0 "
                        + "for every convolution")
        String paddings,

        @SpecField(
                description = "Max-pooling after each convolution's activation, comma-separated in layer order: 2 = "
                        + "MaxPool2d(2) (2×2 windows of stride 2, passed through exactly with the forward pass's "
                        + "mask), 0 = none; empty = as a Keras or Deeplearning4j file says, else none after any "
                        + "convolution")
        String pools) {

    /** {@link #subset}: the first n images of the training set, in file order. */
    public static final String TRAINING = "training";
    /** {@link #subset}: a stratified seeded subset of the training set (what runs without the field probed). */
    public static final String STRATIFIED = "stratified";

    /** Ids of uploads and bundled names: lower-case letters, digits and hyphens. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** CIFAR-10 has 50000 training images. */
    private static final int CIFAR_TRAINING_SIZE = 50_000;

    private static final Pattern LAYER_NAMES = Pattern.compile("[A-Za-z0-9_.\\-, ]{0,2000}");
    /** Up to 64 small non-negative integers, comma-separated. */
    private static final Pattern PER_CONVOLUTION = Pattern.compile(" *(\\d{1,2} *(, *\\d{1,2} *){0,63})?");

    public InspectSpec {
        if (model == null || !NAME.matcher(model).matches()) {
            throw new SpecValidationException(
                    "model",
                    "'" + model + "' is not a model id; allowed: an id from "
                            + "/api/models (lower-case letters, digits and hyphens)");
        }
        if (dataset == null || !NAME.matcher(dataset).matches()) {
            throw new SpecValidationException(
                    "dataset",
                    "'" + dataset + "' is not a dataset; allowed: mnist, fashion-mnist, cifar10 or an id from "
                            + "/api/datasets");
        }
        if ("cifar10".equals(dataset) && n > CIFAR_TRAINING_SIZE) {
            throw new SpecValidationException(
                    "n", n + " is out of range for cifar10; allowed: integer in [1, " + CIFAR_TRAINING_SIZE + "]");
        }
        if (layers == null || !LAYER_NAMES.matcher(layers).matches()) {
            throw new SpecValidationException(
                    "layers",
                    "allowed: tensor-name prefixes (letters, digits, _ . -) "
                            + "separated by commas, at most 2000 characters");
        }
        checkPerConvolution("strides", strides, 1, MAX_STRIDE);
        checkPerConvolution("paddings", paddings, 0, MAX_PADDING);
        checkPerConvolution("pools", pools, 0, 2);
    }

    /** Largest stride and padding of a convolution. */
    static final int MAX_STRIDE = 8;

    static final int MAX_PADDING = 8;

    /** The stride of each of {@code convolutions} convolutions ({@link #strides}, default 1). */
    public List<Integer> strideList(int convolutions) {
        return perConvolution("strides", strides, convolutions, 1);
    }

    /** The padding of each of {@code convolutions} convolutions ({@link #paddings}, default 0). */
    public List<Integer> paddingList(int convolutions) {
        return perConvolution("paddings", paddings, convolutions, 0);
    }

    /** The max-pooling window after each of {@code convolutions} convolutions, 2 or 0 for none ({@link #pools}). */
    public List<Integer> poolList(int convolutions) {
        return perConvolution("pools", pools, convolutions, 0);
    }

    /** The values of a per-convolution field, or its default for every convolution when it is empty. */
    private static List<Integer> perConvolution(String field, String text, int convolutions, int fallback) {
        List<Integer> values = integers(text);
        if (values.isEmpty()) {
            return Collections.nCopies(convolutions, fallback);
        }
        if (values.size() != convolutions) {
            throw new SpecValidationException(
                    field,
                    values.size() + " values for the model's " + convolutions
                            + " convolutions; allowed: one per convolution, comma-separated, or empty for " + fallback);
        }
        return values;
    }

    /** Refuses a per-convolution field that is not comma-separated integers in [min, max] (or {0, 2} for pools). */
    private static void checkPerConvolution(String field, String text, int min, int max) {
        String allowed = "pools".equals(field) ? "0 or 2" : "integers in [" + min + ", " + max + "]";
        if (text == null || !PER_CONVOLUTION.matcher(text).matches()) {
            throw new SpecValidationException(
                    field,
                    "'" + text + "' is not a comma-separated list; allowed: " + allowed
                            + ", one per convolution (at most 64)");
        }
        for (int v : integers(text)) {
            if (v < min || v > max || "pools".equals(field) && v == 1) {
                throw new SpecValidationException(field, v + " is out of range; allowed: " + allowed);
            }
        }
    }

    private static List<Integer> integers(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    /** The layer order as a list, empty when not given. */
    public List<String> layerOrder() {
        return Arrays.stream(layers.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
