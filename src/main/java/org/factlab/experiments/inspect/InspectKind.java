package org.factlab.experiments.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.choice.Choice;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.paper.PaperLabelledKind;
import org.factlab.experiments.sections.Section;
import org.factlab.math.Prediction;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.imported.ImportedNetwork;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.uploads.DatasetLibrary;
import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.ModelLibrary;
import org.factlab.uploads.UploadSort;

/**
 * FACT diagnostics of a network trained elsewhere (§3, Theorem 3.1): a fully connected network read from a
 * safetensors, Keras or Deeplearning4j file, probed once in float64 on the given data with the {@code mlp} kind's
 * probe, recording at step 0 every series a probe of {@code mlp} records ({@link MlpSeries}) plus the first layer's
 * matrices. FACT holds only at a critical point of the stated objective L + (λ/2)‖θ‖²; {@code fact/relerr} and
 * {@code grad_norm} say how far the network is from one.
 */
public final class InspectKind implements PaperLabelledKind<InspectSpec> {

    public static final String ID = "inspect";

    /** The run page's one sentence on what the numbers of a network trained elsewhere can say. */
    private static final String CRITICAL_POINT = "FACT = WᵀW holds only at a critical point of the objective stated in "
            + "the spec (the loss on exactly the data probed plus (λ/2)‖θ‖² with this λ): fact/relerr measures how far "
            + "this network is from one, and grad_norm how far from stationary each layer's weights are. On other "
            + "data than the network was trained on, both also measure the change of data.";

    @Override
    public List<Section> sections() {
        return InspectSections.all();
    }

    @Override
    public Optional<String> runNote() {
        return Optional.of(CRITICAL_POINT);
    }

    @Override
    public Map<UploadSort, String> uploadFields() {
        return Map.of(UploadSort.MODEL, "model", UploadSort.TABLE, "dataset");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Bring your own network: FACT diagnostics of a model trained elsewhere";
    }

    @Override
    public String description() {
        return "Reads a network you trained (a PyTorch state_dict saved as safetensors, a Keras .h5 model or a "
                + "Deeplearning4j zip; dense layers with ReLU, tanh or identity between them, after Conv2d "
                + "convolutions in a safetensors file, their strides, paddings and 2×2 max-pooling given in the spec, "
                + "on images: a bundled dataset or an .npz of n×C×H×W; convolutions are probed in patch form, layer 1 "
                + "being the first) and, with the weight decay λ and the loss it was trained with, computes per layer "
                + "in double precision on the given data everything a probe of the mlp kind reports: FACT = −(1/(nλ)) "
                + "Σ ∇_hℓ hᵀ (Theorem 3.1), √(FACT·FACTᵀ), AGOP, √AGOP, eNFA, √eNFA and their Pearson and cosine "
                + "similarity with WᵀW, the stationarity ‖∇_W L_λ‖ and FACT's relative error, the loss and the "
                + "accuracy. FACT holds only at a critical point of L + (λ/2)‖θ‖²: the relative error measures how far "
                + "the network is from one.";
    }

    @Override
    public Class<InspectSpec> specType() {
        return InspectSpec.class;
    }

    @Override
    public InspectSpec defaultSpec() {
        return InspectPresets.DEFAULTS;
    }

    @Override
    public List<Preset<InspectSpec>> presets() {
        return InspectPresets.ALL;
    }

    @Override
    public List<String> headlineSeries() {
        return List.of(
                MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON),
                MlpSeries.factRelativeError(1, false),
                MlpSeries.similarity(1, false, Prediction.SQRT_AGOP, MlpSeries.PEARSON),
                MlpSeries.TRAIN_ACCURACY);
    }

    /**
     * From the model's real layers and the data's real rows and features ({@link InspectMemory}); 0 when either is
     * missing (the launch is then refused by {@link #launchProblems}).
     */
    @Override
    public long estimateMemoryBytes(InspectSpec spec, List<Path> datasetRoots) {
        try {
            Path dir = datasetRoots.get(0);
            Optional<ModelInfo> model = new ModelLibrary(dir).find(spec.model());
            Optional<long[]> rowsAndFeatures = InspectData.bundled(spec.dataset())
                    ? Optional.of(new long[] {spec.n(), "cifar10".equals(spec.dataset()) ? 3 * 32 * 32 : 28 * 28})
                    : new DatasetLibrary(dir).find(spec.dataset()).map(d -> new long[] {d.rows(), d.features()});
            if (model.isEmpty() || rowsAndFeatures.isEmpty()) {
                return 0;
            }
            if (!model.get().convolutions().isEmpty()) {
                return cnn(model.get(), spec, dir, new ArrayList<>())
                        .map(arch ->
                                InspectMemory.estimate(arch, rowsAndFeatures.get()[0], InspectProbe.PROBE_CHUNK_BYTES))
                        .orElse(0L);
            }
            return InspectMemory.estimate(
                    model.get().layers(),
                    rowsAndFeatures.get()[0],
                    rowsAndFeatures.get()[1],
                    InspectProbe.PROBE_CHUNK_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model and the dataset must exist, and the activation must be known, before the run is queued. */
    @Override
    public List<FieldError> launchProblems(InspectSpec spec, List<Path> datasetRoots) {
        List<FieldError> problems = new ArrayList<>();
        try {
            Path dir = datasetRoots.get(0);
            Optional<ModelInfo> model = new ModelLibrary(dir).find(spec.model());
            if (model.isEmpty()) {
                problems.add(new FieldError(
                        "model", "there is no model '" + spec.model() + "'; allowed: an id from " + "/api/models"));
            } else {
                activationProblem(spec, model.get()).ifPresent(problems::add);
                if (model.get().softmaxOutput() && spec.loss() != Loss.CROSS_ENTROPY) {
                    problems.add(new FieldError(
                            "loss",
                            "the model ends in a softmax, so it was trained with "
                                    + "cross-entropy; allowed: cross-entropy"));
                }
            }
            Optional<int[]> shape = InspectProbe.dataShape(spec.dataset(), dir);
            if (shape.isEmpty()) {
                problems.add(new FieldError(
                        "dataset",
                        "there is no dataset '" + spec.dataset() + "'; allowed: mnist, fashion-mnist, cifar10 or an id "
                                + "from /api/datasets"));
            } else if (model.isPresent()
                    && (model.get().convolutions().isEmpty() && model.get().inputs() != shape.get()[0]
                            || model.get().outputs() != shape.get()[1])) {
                problems.add(new FieldError(
                        "dataset",
                        "the model maps " + model.get().inputs() + " inputs to "
                                + model.get().outputs() + " outputs; " + spec.dataset() + " has " + shape.get()[0]
                                + " features and " + shape.get()[1] + " classes"));
            } else if (model.isPresent() && !model.get().convolutions().isEmpty()) {
                cnn(model.get(), spec, dir, problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /**
     * The architecture of a model with convolutions on the spec's images with its strides, paddings and pools;
     * empty, with the problem added, when they do not fit.
     */
    private static Optional<CnnArchitecture> cnn(ModelInfo model, InspectSpec spec, Path dir, List<FieldError> problems)
            throws IOException {
        List<ModelInfo.Layer> dense = model.layers()
                .subList(model.convolutions().size(), model.layers().size());
        try {
            return Optional.of(ImportedCnn.architecture(
                    model.convolutions(),
                    dense.get(0).in(),
                    dense.stream().map(ModelInfo.Layer::out).toList(),
                    InspectProbe.imageShape(spec.dataset(), dir),
                    spec,
                    Activation.IDENTITY));
        } catch (SpecValidationException e) {
            problems.addAll(e.errors());
            return Optional.empty();
        }
    }

    private static Optional<FieldError> activationProblem(InspectSpec spec, ModelInfo model) {
        if ("file".equals(spec.activation()) && model.activation() == null) {
            return Optional.of(new FieldError(
                    "activation",
                    "the " + model.format() + " file does not say which activation the network uses; allowed: relu, "
                            + "tanh or identity"));
        }
        if (!"file".equals(spec.activation())
                && model.activation() != null
                && !model.activation().equals(spec.activation())
                && model.layers().size() > 1) {
            return Optional.of(new FieldError(
                    "activation",
                    spec.activation() + " contradicts the file, which uses " + model.activation()
                            + "; allowed: file or " + model.activation()));
        }
        return Optional.empty();
    }

    @Override
    public void run(InspectSpec spec, RunContext ctx) throws Exception {
        try {
            inspect(spec, ctx);
        } finally {
            MlpProbe.releaseMemory();
        }
    }

    private static void inspect(InspectSpec spec, RunContext ctx) throws Exception {
        ImportedNetwork net = new ModelLibrary(ctx.datasetsDirectory()).load(spec.model(), spec.layerOrder());
        Activation activation = activation(spec, net);
        InspectProbe probe = InspectProbe.load(spec, ctx.datasetsDirectory());
        probe.problem(net).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        ctx.note("probed on " + probe.description() + "; layers " + net.layerNames() + ", activation " + activation.id()
                + ", loss " + spec.loss().id() + ", λ = " + spec.lambda());
        probe.record(net, activation, 0, ctx, ctx::progress);
    }

    private static Activation activation(InspectSpec spec, ImportedNetwork net) {
        if (!"file".equals(spec.activation())) {
            return Choice.fromId(Activation.class, spec.activation());
        }
        if (net.activation() != null) {
            return net.activation();
        }
        if (ModelLibrary.EXAMPLE.equals(spec.model())) {
            return Activation.RELU;
        }
        throw new IllegalArgumentException("activation: a safetensors file does not say which activation the network "
                + "uses; allowed: relu, tanh or identity");
    }
}
