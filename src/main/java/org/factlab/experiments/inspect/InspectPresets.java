package org.factlab.experiments.inspect;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;
import org.factlab.nn.mlp.Loss;
import org.factlab.uploads.ModelLibrary;

/**
 * Presets of the {@code inspect} kind: the bundled example network on the MNIST images it was trained on (the first
 * 5000 of the training set).
 */
final class InspectPresets {

    /**
     * The kind's defaults: what runs stored before the {@code subset} field probed (1000 stratified MNIST training
     * images), so that they bind as they ran.
     */
    static final InspectSpec DEFAULTS = new InspectSpec(
            ModelLibrary.EXAMPLE,
            "mnist",
            1000,
            0L,
            false,
            1e-4,
            Loss.MSE,
            "file",
            "",
            false,
            InspectSpec.STRATIFIED,
            "",
            "",
            "");

    static final Preset<InspectSpec> QUICK = new Preset<>(
            "quick",
            "The bundled example: a ReLU MLP trained with PyTorch on MNIST",
            "FACT diagnostics of example-mnist-mlp (784-32-32-10, ReLU, MSE, weight_decay 1e-4, trained with PyTorch "
                    + "for 30 epochs on the first 5000 MNIST training images) on exactly those 5000 images: FACT's "
                    + "relative error measures the distance from a critical point of the objective on the data it "
                    + "was trained on. Not converged: the relative error says how far. A few seconds on a CPU.",
            SpecCodec.override(DEFAULTS, Map.of("n", 5000, "subset", InspectSpec.TRAINING)),
            Map.of());

    static final List<Preset<InspectSpec>> ALL = List.of(QUICK);

    private InspectPresets() {}
}
