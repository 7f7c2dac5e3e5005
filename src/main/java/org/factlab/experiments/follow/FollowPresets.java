package org.factlab.experiments.follow;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;

/** Presets of the {@code follow} kind: the defaults a client's run starts from, and the self-contained demo. */
final class FollowPresets {

    static final FollowSpec DEFAULTS = SpecCodec.build(
            FollowSpec.class,
            Map.ofEntries(
                    entry("source", FollowSpec.CLIENT),
                    entry("dataset", "mnist"),
                    entry("n", 1000),
                    entry("seed", 0L),
                    entry("standardise", false),
                    entry("subset", "training"),
                    entry("lambda", 1e-4),
                    entry("loss", "mse"),
                    entry("activation", "relu"),
                    entry("layers", ""),
                    entry("backward", false),
                    entry("probeEvery", 1),
                    entry("idleTimeout", 3600),
                    entry("strides", ""),
                    entry("paddings", ""),
                    entry("pools", "")));

    static final Preset<FollowSpec> QUICK = new Preset<>(
            "quick",
            "Demo: follow a small MNIST MLP's training",
            "The lab replays to itself the checkpoints of a 784-16-10 ReLU MLP trained with PyTorch (full-batch Adam, "
                    + "weight_decay 1e-3, MSE) on the first 1000 MNIST training images, saved at steps 1, 2, 5, 10, "
                    + "20 and 50 with its logged training loss, all at once: the newest is analysed first and the "
                    + "others when the lab has caught up, as for a client that sends faster than the lab analyses. "
                    + "A few seconds on a CPU.",
            SpecCodec.override(DEFAULTS, Map.of("source", FollowSpec.DEMO, "lambda", 1e-3)),
            Map.of());

    static final List<Preset<FollowSpec>> ALL = List.of(QUICK);

    private FollowPresets() {}
}
