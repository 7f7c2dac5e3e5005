package org.factlab.experiments.cnn;

import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.quadratic.LearningRateSchedule;

/**
 * Spec of a CNN feature-alignment run (patch FACT, patch AGOP and patch eNFA per convolution, docs/science.md,
 * "Convolutional layers"). Field names are a public contract (JSON keys, CSV exports, presets).
 */
public record CnnSpec(
        @SpecField(
                description = "Images: mnist (bundled, 1×28×28), fashion-mnist (data/fetch-fashion-mnist.sh) or "
                        + "cifar10 (3×32×32, the official binary batches in <datasets>/cifar-10-batches-bin/)",
                choices = {"mnist", "fashion-mnist", "cifar10"})
        String dataset,

        @SpecField(
                description = "Training images n (a stratified, seeded subset of the training set)",
                min = 1,
                max = 60_000)
        int n,

        @SpecField(description = "Held-out test images for test/accuracy (0 = none)", min = 0, max = 10_000)
        int testSize,

        @SpecField(description = "Filters k of the first convolution (layer 1)", min = 1, max = 128)
        int filters1,

        @SpecField(
                description = "Filters of the second convolution (layer 2); 0 = a single convolution",
                min = 0,
                max = 256)
        int filters2,

        @SpecField(description = "Window side q of every convolution (q×q windows: W is k×cq²)", min = 1, max = 7)
        int kernel,

        @SpecField(description = "Stride of every convolution", min = 1, max = 4)
        int stride,

        @SpecField(
                description = "Zero padding of every convolution on each side (less than the window side)",
                min = 0,
                max = 3)
        int padding,

        @SpecField(description = "2×2 max-pooling of stride 2 after every convolution's activation")
        boolean pool,

        @SpecField(
                description = "Width of a hidden dense layer after the convolutions; 0 = the flattened "
                        + "convolution output feeds the output layer directly",
                min = 0,
                max = 4096)
        int hidden,

        @SpecField(
                description = "Activation σ after every convolution and hidden dense layer (tanh is smooth: no "
                        + "kinks for an optimum to sit on)")
        Activation activation,

        @SpecField(
                description = "Loss ℓ: mse = mean squared error over the outputs with one-hot targets (the "
                        + "paper's), cross-entropy = softmax cross-entropy of the outputs; FACT uses ∂ℓ/∂f of "
                        + "this loss")
        Loss loss,

        @SpecField(description = "Initial learning rate η of SGD", min = 0, max = 10, minExclusive = true)
        double lr,

        @SpecField(description = "Heavy-ball momentum μ (PyTorch's SGD; 0 = plain SGD)", min = 0, max = 0.999)
        double momentum,

        @SpecField(
                description = "Weight decay λ of L_λ = L + (λ/2)‖θ‖², coupled (in the gradient) on weights and "
                        + "biases; FACT divides by it",
                min = 0,
                max = 10,
                minExclusive = true)
        double lambda,

        @SpecField(description = "Minibatch size", min = 1, max = 60_000)
        int batchSize,

        @SpecField(description = "Training epochs", min = 1, max = 5_000)
        int epochs,

        @SpecField(
                description = "Probe every this many epochs (epoch 0 and the last epoch are always probed)",
                min = 1,
                max = 10_000)
        int evalEvery,

        @SpecField(description = "Learning rate over the epochs: cosine decay to 0 stepped per epoch, or constant")
        LearningRateSchedule lrSchedule,

        @SpecField(description = "Also record the backward forms (patch bFACT, bAGOP, beNFA vs WWᵀ)")
        boolean backward,

        @SpecField(
                description = "Random seed: subset, initial weights and batch order derive from it",
                min = 0,
                max = 9.007199254740992E15)
        long seed) {

    /** CIFAR-10 has 50000 training images. */
    static final int CIFAR_TRAINING_SIZE = 50_000;

    public CnnSpec {
        if ("cifar10".equals(dataset) && n > CIFAR_TRAINING_SIZE) {
            throw new SpecValidationException(
                    "n", n + " is out of range for cifar10; allowed: integer in [1, " + CIFAR_TRAINING_SIZE + "]");
        }
        if (padding >= kernel) {
            throw new SpecValidationException(
                    "padding", padding + " with kernel = " + kernel + "; allowed: padding < kernel");
        }
        int side = CnnData.imageShape(dataset)[1];
        for (int conv = 0; conv < (filters2 > 0 ? 2 : 1); conv++) {
            side = Math.floorDiv(side + 2 * padding - kernel, stride) + 1;
            side = pool ? side / 2 : side;
            if (side < 1) {
                throw new SpecValidationException(
                        "kernel",
                        "kernel = " + kernel + ", stride = " + stride
                                + ", padding = " + padding + (pool ? " and pooling" : "")
                                + " leave no output pixel after convolution " + (conv + 1)
                                + "; allowed: windows, strides and pooling that leave at least "
                                + "one");
            }
        }
    }
}
