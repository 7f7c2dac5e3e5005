package org.factlab.experiments.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.factlab.choice.Choice;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.inspect.InspectProbe;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.paper.PaperLabelledKind;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Prediction;
import org.factlab.math.ValueLimit;
import org.factlab.nn.imported.ImportedNetwork;
import org.factlab.nn.imported.ModelFileException;
import org.factlab.nn.imported.ModelFormat;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.uploads.Inbox;

/**
 * Follows a training run elsewhere, live (§3, Theorem 3.1 over training): the run is RUNNING from its start until
 * the client finishes (or its idle timeout: INTERRUPTED, resumed by a later checkpoint); every checkpoint the client
 * sends is probed in float64 on the given data exactly as {@code inspect} probes a network ({@link InspectProbe}) and
 * recorded at its step, newest first when they come faster than the lab analyses ({@link FollowLoop}).
 */
public final class FollowKind implements PaperLabelledKind<FollowSpec> {

    public static final String ID = "follow";
    private static final Duration POLL = Duration.ofMillis(200);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Follow a training run elsewhere: FACT, NFA and eNFA at every checkpoint, live";
    }

    @Override
    public String description() {
        return "A training loop anywhere (e.g. PyTorch on your GPU, with clients/python/factlab_client.py) sends its "
                + "checkpoints and logged scalars; the lab probes every checkpoint of the network (dense layers, "
                + "optionally after Conv2d convolutions, probed in patch form) as inspect does, in double precision "
                + "on the data given once: per layer FACT, √(FACT·FACTᵀ), AGOP, √AGOP, "
                + "eNFA and √eNFA against WᵀW (Pearson, cosine), FACT's relative error and ‖∇_W L_λ‖, the loss and "
                + "accuracy on the probe set, the first layer's matrices, so that the curves show when during "
                + "training FACT and the NFA start to hold.";
    }

    @Override
    public Class<FollowSpec> specType() {
        return FollowSpec.class;
    }

    @Override
    public FollowSpec defaultSpec() {
        return FollowPresets.DEFAULTS;
    }

    @Override
    public List<Preset<FollowSpec>> presets() {
        return FollowPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        return FollowSections.all();
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(
                MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON),
                MlpSeries.factRelativeError(1, false),
                MlpSeries.similarity(1, false, Prediction.SQRT_AGOP, MlpSeries.PEARSON),
                MlpSeries.TRAIN_ACCURACY);
    }

    /** The probe data must exist before the run starts. */
    @Override
    public List<FieldError> launchProblems(FollowSpec spec, List<Path> datasetRoots) {
        List<FieldError> problems = new ArrayList<>();
        try {
            if (InspectProbe.dataShape(spec.dataset(), datasetRoots.get(0)).isEmpty()) {
                problems.add(new FieldError(
                        "dataset",
                        "there is no dataset '" + spec.dataset() + "'; allowed: mnist, fashion-mnist, cifar10 or an id "
                                + "from /api/datasets"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    @Override
    public boolean followsOutsideTraining() {
        return true;
    }

    /**
     * Why a received checkpoint cannot be analysed in a run of {@code spec} (not a safetensors chain of dense
     * layers, or not matching the data's features and classes), naming the field {@code body}; empty when it can.
     */
    @Override
    public Optional<FieldError> checkpointProblem(FollowSpec spec, Path file, Path datasetsDir) throws IOException {
        ImportedNetwork net;
        try {
            net = read(spec, file);
        } catch (ModelFileException | RuntimeException e) {
            return Optional.of(new FieldError(
                    "body",
                    "not a checkpoint the lab can read: " + e.getMessage()
                            + "; allowed: a safetensors state_dict of Linear layers (<prefix>.weight out×in, "
                            + "<prefix>.bias), optionally after Conv2d layers (<prefix>.weight out×in×q×q)"));
        }
        Optional<int[]> shape = InspectProbe.dataShape(spec.dataset(), datasetsDir);
        List<ImportedNetwork.LayerShape> layers = net.layers();
        boolean dense = net.convolutions().isEmpty();
        if (shape.isPresent()
                && (dense && layers.get(0).in() != shape.get()[0]
                        || layers.get(layers.size() - 1).out() != shape.get()[1])) {
            return Optional.of(new FieldError(
                    "body",
                    "the checkpoint maps " + layers.get(0).in() + " inputs to "
                            + layers.get(layers.size() - 1).out() + " outputs; the probe data " + spec.dataset()
                            + " has "
                            + shape.get()[0] + " features and " + shape.get()[1] + " classes"));
        }
        if (shape.isPresent() && !dense) {
            return InspectProbe.convolutionProblem(net, spec.probeSpec(), datasetsDir)
                    .map(p -> new FieldError("body", "the checkpoint's convolutions do not fit the run: " + p));
        }
        return Optional.empty();
    }

    @Override
    public void run(FollowSpec spec, RunContext ctx) throws Exception {
        Optional<String> runId = ctx.runId();
        Inbox inbox = runId.isPresent()
                ? Inbox.of(ctx.datasetsDirectory(), runId.get())
                : new Inbox(Files.createTempDirectory("factlab-follow-"));
        try {
            if (FollowSpec.DEMO.equals(spec.source())) {
                DemoFeed.feed(inbox);
            }
            InspectProbe probe = InspectProbe.load(spec.probeSpec(), ctx.datasetsDirectory());
            Activation activation = Choice.fromId(Activation.class, spec.activation());
            ctx.note("following: each checkpoint probed on " + probe.description() + ", activation " + activation.id()
                    + ", loss " + spec.loss().id() + ", λ = " + spec.lambda());
            new FollowLoop(
                            inbox,
                            (step, file) -> probe.record(read(spec, file), activation, step, ctx, (done, total) -> {}),
                            ctx,
                            Duration.ofSeconds(spec.idleTimeout()),
                            POLL)
                    .run();
        } finally {
            MlpProbe.releaseMemory();
            if (runId.isEmpty()) {
                inbox.delete();
            }
        }
    }

    private static ImportedNetwork read(FollowSpec spec, Path file) throws IOException, ModelFileException {
        return ModelFormat.SAFETENSORS.read(file, spec.probeSpec().layerOrder(), ValueLimit.NONE);
    }
}
