package org.factlab.experiments.follow;

import org.factlab.experiments.SpecField;
import org.factlab.experiments.inspect.InspectSpec;
import org.factlab.nn.mlp.Loss;

/**
 * Spec of a {@code follow} run: a training loop elsewhere sends checkpoints ({@code clients/python/factlab_client.py}),
 * each probed as the {@code inspect} kind probes a network, on data given once. Field names are a public contract
 * (JSON keys, the client, CSV exports).
 */
public record FollowSpec(
        @SpecField(
                description = "Where the checkpoints come from: client = a training loop sends them (PUT "
                        + "/api/runs/{id}/checkpoints/{step}); demo = the lab replays the bundled checkpoints of a "
                        + "small MNIST MLP to itself",
                choices = {"client", "demo"})
        String source,

        @SpecField(
                description = "Probe data: a bundled dataset (mnist, fashion-mnist, cifar10) or the id of a table "
                        + "uploaded with /api/datasets (the client uploads its (X, y) as .npz once)")
        String dataset,

        @SpecField(
                description =
                        "Samples n of a bundled dataset, taken as subset says (ignored for an uploaded " + "table)",
                min = 1,
                max = 60_000)
        int n,

        @SpecField(
                description = "Random seed of a stratified subset of a bundled dataset",
                min = 0,
                max = 9.007199254740992E15)
        long seed,

        @SpecField(description = "Standardise each input feature of a bundled dataset with the subset's mean and std")
        boolean standardise,

        @SpecField(
                description = "Which n images of a bundled dataset: training = the first n, stratified = a "
                        + "stratified seeded subset",
                choices = {"training", "stratified"})
        String subset,

        @SpecField(
                description =
                        "Weight decay λ of the training (coupled L2, PyTorch's weight_decay): FACT divides " + "by it",
                min = 0,
                max = 10,
                minExclusive = true)
        double lambda,

        @SpecField(
                description = "Loss of the training: mse (nn.MSELoss on one-hot targets) or cross-entropy "
                        + "(nn.CrossEntropyLoss)")
        Loss loss,

        @SpecField(
                description = "Activation between the layers",
                choices = {"relu", "tanh", "identity"})
        String activation,

        @SpecField(
                description = "Layer order in the checkpoints: tensor-name prefixes, comma-separated (e.g. 0,2,4); "
                        + "empty = in name order")
        String layers,

        @SpecField(description = "Also record the backward forms (bFACT, bAGOP, beNFA vs WWᵀ, Appendix A)")
        boolean backward,

        @SpecField(
                description = "The client sends every probeEvery-th checkpoint (thinning at the source)",
                min = 1,
                max = 1_000_000)
        int probeEvery,

        @SpecField(
                description = "Seconds without a new checkpoint or scalar after which the run stops as "
                        + "INTERRUPTED with its steps kept (a later checkpoint resumes it)",
                min = 5,
                max = 604_800)
        int idleTimeout,

        @SpecField(
                description = "Stride of each convolution of the checkpoints (Conv2d layers), comma-separated in "
                        + "layer order; empty = 1 for every convolution")
        String strides,

        @SpecField(
                description = "Zero padding of each convolution on every side, comma-separated in layer order; "
                        + "empty = 0 for every convolution")
        String paddings,

        @SpecField(
                description = "Max-pooling after each convolution's activation, comma-separated in layer order: "
                        + "2 = MaxPool2d(2), 0 = none; empty = none")
        String pools) {

    /** {@link #source}: checkpoints sent by a training loop. */
    public static final String CLIENT = "client";
    /** {@link #source}: the bundled demo checkpoints. */
    public static final String DEMO = "demo";

    public FollowSpec {
        probeSpec(dataset, n, seed, standardise, subset, lambda, loss, activation, layers, backward, new String[] {
            strides, paddings, pools
        });
    }

    /** The probe as the {@code inspect} kind states it (its model field unused); validates the shared fields. */
    InspectSpec probeSpec() {
        return probeSpec(
                dataset, n, seed, standardise, subset, lambda, loss, activation, layers, backward, new String[] {
                    strides, paddings, pools
                });
    }

    /** {@code convolutions}: strides, paddings and pools. */
    private static InspectSpec probeSpec(
            String dataset,
            int n,
            long seed,
            boolean standardise,
            String subset,
            double lambda,
            Loss loss,
            String activation,
            String layers,
            boolean backward,
            String[] convolutions) {
        return new InspectSpec(
                "example-mnist-mlp",
                dataset,
                n,
                seed,
                standardise,
                lambda,
                loss,
                activation,
                layers == null ? "" : layers,
                backward,
                subset,
                convolutions[0],
                convolutions[1],
                convolutions[2]);
    }
}
