package org.factlab.experiments.mlp;

import org.factlab.experiments.SpecField;
import org.factlab.experiments.SpecValidationException;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.Optimizer;
import org.factlab.nn.quadratic.LearningRateSchedule;

/**
 * Spec of an MLP feature-alignment run (§3, Tables 1–2, Figures 3, 8–11, Appendices A–C). Field names are a
 * public contract (JSON keys, CSV exports, presets).
 */
public record MlpSpec(
        @SpecField(
                description = "Data: mnist (bundled), fashion-mnist, cifar10 (user-supplied files), or "
                        + "gaussian-linear (x ~ N(0, I), y = W*x, Appendix C)",
                choices = {"mnist", "fashion-mnist", "cifar10", "gaussian-linear"})
        String dataset,

        @SpecField(
                description = "Training samples n (a stratified, seeded subset of the training set; Table 2: "
                        + "1000, 2000, 5000, 60000)",
                min = 1,
                max = 60_000)
        int n,

        @SpecField(description = "Held-out test samples for test/accuracy (0 = none)", min = 0, max = 10_000)
        int testSize,

        @SpecField(
                description = "Number of weight layers L (Table 2: 3; Figure 3: 6, i.e. 5 hidden layers)",
                min = 1,
                max = 16)
        int depth,

        @SpecField(description = "Hidden width (Table 2: 1024; Appendix C: 512)", min = 1, max = 8192)
        int width,

        @SpecField(
                description = "Hidden activation σ; identity with bias = false gives the deep linear networks "
                        + "of Appendix C")
        Activation activation,

        @SpecField(description = "Biases in every layer (U(±1/√fan_in) init, λ applies to them too)")
        boolean bias,

        @SpecField(
                description = "sgd (heavy-ball momentum as PyTorch, plain SGD when momentum = 0) or adam; "
                        + "weight decay is coupled L2 either way")
        Optimizer optimizer,

        @SpecField(
                description = "Initial learning rate (Table 2: 0.1; Appendix C: 5e-3)",
                min = 0,
                max = 10,
                minExclusive = true)
        double lr,

        @SpecField(description = "SGD momentum μ (Table 2: 0.9; ignored by adam)", min = 0, max = 0.999)
        double momentum,

        @SpecField(
                description = "Weight decay λ of L_λ = L + (λ/2)‖θ‖² (Table 2: 1e-4; Appendix C: 1e-2); FACT "
                        + "divides by it",
                min = 0,
                max = 10,
                minExclusive = true)
        double lambda,

        @SpecField(description = "Minibatch size (Table 2: 64; Appendix C: 128)", min = 1, max = 60_000)
        int batchSize,

        @SpecField(description = "Training epochs (Table 2: 200; Appendix C: 5000)", min = 1, max = 100_000)
        int epochs,

        @SpecField(
                description = "Probe every this many epochs (epoch 0 and the last epoch are always probed)",
                min = 1,
                max = 100_000)
        int evalEvery,

        @SpecField(description = "Also record the backward forms (bFACT, bAGOP, beNFA vs WWᵀ, Appendix A)")
        boolean backward,

        @SpecField(
                description = "Random seed: subset, initial weights and batch order derive from it",
                min = 0,
                max = 9.007199254740992E15)
        long seed,

        @SpecField(
                description = "Standardise each input feature with the training subset's mean and std "
                        + "(default: pixels in [0, 1])")
        boolean standardise,

        @SpecField(description = "gaussian-linear only: input dimension d (Appendix C: 10)", min = 1, max = 4096)
        int inputDim,

        @SpecField(description = "gaussian-linear only: output dimension c (Appendix C: 5)", min = 1, max = 1000)
        int outputDim,

        @SpecField(
                description = "Learning rate over the epochs: cosine decay to 0 stepped per epoch (Table 2) or "
                        + "constant (Appendix C)")
        LearningRateSchedule lrSchedule,

        @SpecField(
                description = "Loss ℓ: mse = mean squared error over the outputs with one-hot targets (as "
                        + "nn.MSELoss; the paper's), cross-entropy = softmax cross-entropy of the outputs (as "
                        + "nn.CrossEntropyLoss; classification only); FACT uses ∂ℓ/∂f of this loss")
        Loss loss) {

    /** Most probes a run may record. */
    public static final int MAX_EVALUATIONS = 10_000;
    /** CIFAR-10 has 50000 training images. */
    static final int CIFAR_TRAINING_SIZE = 50_000;

    public MlpSpec {
        if ("cifar10".equals(dataset) && n > CIFAR_TRAINING_SIZE) {
            throw new SpecValidationException(
                    "n", n + " is out of range for cifar10; allowed: integer in [1, " + CIFAR_TRAINING_SIZE + "]");
        }
        if (loss == Loss.CROSS_ENTROPY && "gaussian-linear".equals(dataset)) {
            throw new SpecValidationException(
                    "loss", "cross-entropy needs classes; gaussian-linear is a regression: " + "allowed there: mse");
        }
        long evaluations = (long) epochs / Math.max(1, evalEvery) + 2;
        if (evaluations > MAX_EVALUATIONS) {
            throw new SpecValidationException(
                    "evalEvery",
                    evalEvery + " with epochs = " + epochs + " gives "
                            + evaluations + " probes; at most " + MAX_EVALUATIONS + " allowed: use evalEvery ≥ "
                            + (epochs / (MAX_EVALUATIONS - 2) + 1));
        }
    }

    /** True for the synthetic regression of Appendix C (no classes, no accuracy). */
    public boolean regression() {
        return "gaussian-linear".equals(dataset);
    }
}
