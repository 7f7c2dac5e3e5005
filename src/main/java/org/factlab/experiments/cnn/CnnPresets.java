package org.factlab.experiments.cnn;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.math.Prediction;

/** Named specs of the cnn kind. Measured values: docs/reproduction.md, "CNNs: patch FACT". */
final class CnnPresets {

    /**
     * The kind's defaults (the quick check): one convolution of 4 filters 5×5 with max-pooling on 256 MNIST images,
     * ReLU, MSE, SGD with momentum 0.9, lr 0.05 with cosine decay, λ = 1e-3, batch 32, 4 epochs, a probe every 2.
     */
    static final CnnSpec DEFAULTS = SpecCodec.build(
            CnnSpec.class,
            Map.ofEntries(
                    entry("dataset", "mnist"),
                    entry("n", 256),
                    entry("testSize", 500),
                    entry("filters1", 4),
                    entry("filters2", 0),
                    entry("kernel", 5),
                    entry("stride", 1),
                    entry("padding", 0),
                    entry("pool", true),
                    entry("hidden", 0),
                    entry("activation", "relu"),
                    entry("loss", "mse"),
                    entry("lr", 0.05),
                    entry("momentum", 0.9),
                    entry("lambda", 1e-3),
                    entry("batchSize", 32),
                    entry("epochs", 4),
                    entry("evalEvery", 2),
                    entry("lrSchedule", "cosine"),
                    entry("backward", true),
                    entry("seed", 0)));

    static final Preset<CnnSpec> QUICK = new Preset<>(
            "quick",
            "Quick check (MNIST n = 256, one convolution, 4 epochs)",
            "One convolution (4 filters 5×5, ReLU, 2×2 max-pooling) and the output layer on 256 MNIST images, SGD with "
                    + "momentum 0.9 and coupled weight decay λ = 1e-3, 4 epochs, a probe every 2 (backward forms "
                    + "included): seconds, for demos and tests. Far from a critical point: it shows the series, not "
                    + "convergence.",
            DEFAULTS,
            Map.of());

    static final Preset<CnnSpec> MNIST = new Preset<>(
            "mnist-2conv",
            "MNIST n = 4000, two convolutions and one dense layer",
            "Conv(8 filters 5×5) → ReLU → max-pool → Conv(16 filters 5×5) → ReLU → max-pool → Linear(256, 10) on a "
                    + "stratified 4000-image MNIST subset, MSE, SGD with momentum 0.9, lr 0.05 with cosine decay to 0, "
                    + "coupled weight decay λ = 1e-3, batch 32, 40 epochs, a probe every 4. Layer 1 is the first "
                    + "convolution (W₁ ∈ ℝ^{8×25}): does patch FACT reach W₁ᵀW₁, and does it track it better than the "
                    + "patch AGOP? Measured (seed 0): Pearson with W₁ᵀW₁ 0.962 (patch FACT), 0.987 (√(FACT·FACTᵀ)), "
                    + "0.970 (√AGOP), relerr 0.39, test accuracy 0.973; ≈ 4 min on the 2-core CPU here "
                    + "(docs/reproduction.md).",
            SpecCodec.override(
                    DEFAULTS,
                    Map.ofEntries(
                            entry("n", 4_000),
                            entry("testSize", 2_000),
                            entry("filters1", 8),
                            entry("filters2", 16),
                            entry("epochs", 40),
                            entry("evalEvery", 4))),
            Map.of(
                    MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON),
                    0.962,
                    MlpSeries.similarity(1, false, Prediction.SQRT_AGOP, MlpSeries.PEARSON),
                    0.970,
                    MlpSeries.factRelativeError(1, false),
                    0.386));

    static final Preset<CnnSpec> CIFAR10 = new Preset<>(
            "cifar10-2conv",
            "CIFAR-10 n = 10000, two convolutions (needs the files)",
            "Conv(16 filters 5×5, padding 2) → ReLU → max-pool → Conv(32 filters 5×5, padding 2) → ReLU → max-pool → "
                    + "Linear(2048, 10) on a stratified 10000-image CIFAR-10 subset (W₁ ∈ ℝ^{16×75}), the MNIST "
                    + "preset's optimiser for 60 epochs. Needs the official binary batches in "
                    + "<datasets>/cifar-10-batches-bin/ (data_batch_1.bin … test_batch.bin); hours on a 2-core CPU.",
            SpecCodec.override(
                    DEFAULTS,
                    Map.ofEntries(
                            entry("dataset", "cifar10"),
                            entry("n", 10_000),
                            entry("testSize", 2_000),
                            entry("filters1", 16),
                            entry("filters2", 32),
                            entry("padding", 2),
                            entry("epochs", 60),
                            entry("evalEvery", 5))),
            Map.of());

    static final List<Preset<CnnSpec>> ALL = List.of(QUICK, MNIST, CIFAR10);

    private CnnPresets() {}
}
