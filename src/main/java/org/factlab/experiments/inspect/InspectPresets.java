package org.factlab.experiments.inspect;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.Preset;
import org.factlab.nn.mlp.Loss;

/** Presets of the {@code inspect} kind: the bundled example network on the MNIST images it was trained on. */
final class InspectPresets {

    static final Preset<InspectSpec> QUICK = new Preset<>("quick",
            "The bundled example: a ReLU MLP trained with PyTorch on MNIST",
            "FACT diagnostics of example-mnist-mlp (784-32-32-10, ReLU, MSE, weight_decay 1e-4, trained with PyTorch "
                    + "for 30 epochs on the first 5000 MNIST training images) on a stratified subset of 1000 MNIST "
                    + "training images. Not converged: FACT's relative error says how far. A few seconds on a CPU.",
            new InspectSpec(ModelLibrary.EXAMPLE, "mnist", 1000, 0L, false, 1e-4, Loss.MSE, "file", "", false),
            Map.of());

    static final List<Preset<InspectSpec>> ALL = List.of(QUICK);

    private InspectPresets() {
    }
}
