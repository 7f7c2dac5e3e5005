package org.factlab.experiments.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.factlab.data.ImageDatasets;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.mlp.ProbeSeries;
import org.factlab.math.FeatureSet;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.cnn.CnnProbe;
import org.factlab.nn.imported.ImportedNetwork;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.nn.mlp.ProbeResult;
import org.factlab.uploads.DatasetInfo;
import org.factlab.uploads.DatasetLibrary;

/**
 * The {@code inspect} kind's probe, shared with the {@code follow} kind (which probes every checkpoint of a training
 * run with it): the data of an {@link InspectSpec} loaded once, then any number of
 * networks probed on them in float64 and recorded at a step exactly as an {@code inspect} run records its step 0
 * ({@link MlpSeries} names, the first layer's matrices). A network with convolutions is probed as the lean CNN
 * ({@link CnnProbe}, {@link ImportedCnn}): its convolutions in patch form, layer 1 being the first convolution.
 */
public final class InspectProbe {

    /** Float64 working memory of one probe chunk. */
    static final long PROBE_CHUNK_BYTES = 128L << 20;

    private final InspectData data;
    private final InspectSpec spec;

    private InspectProbe(InspectData data, InspectSpec spec) {
        this.data = data;
        this.spec = spec;
    }

    /** Loads the data {@code spec} names (its model is ignored): a bundled dataset or an uploaded table. */
    public static InspectProbe load(InspectSpec spec, Path datasetsDir) throws IOException {
        return new InspectProbe(InspectData.load(spec, datasetsDir), spec);
    }

    /** Features and classes of a bundled dataset or an uploaded table; empty when there is none of that name. */
    public static Optional<int[]> dataShape(String dataset, Path datasetsDir) throws IOException {
        if (InspectData.bundled(dataset)) {
            return Optional.of(new int[] {"cifar10".equals(dataset) ? 3 * 32 * 32 : 28 * 28, 10});
        }
        return new DatasetLibrary(datasetsDir).find(dataset).map(d ->
                new int[] {d.features(), d.classes().size()});
    }

    /**
     * [C, H, W] of the images of a bundled dataset or an uploaded .npz of images; empty for a table or an unknown
     * name.
     */
    public static List<Integer> imageShape(String dataset, Path datasetsDir) throws IOException {
        if (InspectData.bundled(dataset)) {
            return ImageDatasets.imageShape(dataset);
        }
        return new DatasetLibrary(datasetsDir)
                .find(dataset)
                .map(DatasetInfo::imageShape)
                .orElse(List.of());
    }

    /**
     * Why a network with convolutions cannot be probed on the images {@code spec} names with its strides, paddings
     * and pools (a message starting with the field it is about), or empty.
     */
    public static Optional<String> convolutionProblem(ImportedNetwork net, InspectSpec spec, Path datasetsDir)
            throws IOException {
        try {
            ImportedCnn.architecture(net, imageShape(spec.dataset(), datasetsDir), spec, Activation.IDENTITY);
            return Optional.empty();
        } catch (SpecValidationException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What was probed, for the run's notes. */
    public String description() {
        return data.description();
    }

    /**
     * Why {@code net} cannot be probed on these data with this loss (a message starting with the field it is about),
     * or empty.
     */
    public Optional<String> problem(ImportedNetwork net) {
        if (net.softmaxOutput() && spec.loss() != Loss.CROSS_ENTROPY) {
            return Optional.of("loss: the model ends in a softmax, so it was trained with cross-entropy; allowed: "
                    + "cross-entropy (the outputs f are then the logits before the softmax)");
        }
        List<ImportedNetwork.LayerShape> layers = net.layers();
        int depth = layers.size();
        if (net.convolutions().isEmpty() && layers.get(0).in() != data.inputs()
                || layers.get(depth - 1).out() != data.classes()) {
            return Optional.of("dataset: the model maps " + layers.get(0).in() + " inputs to "
                    + layers.get(depth - 1).out() + " outputs, the data has " + data.inputs() + " features and "
                    + data.classes() + " classes");
        }
        if (!net.convolutions().isEmpty()) {
            try {
                ImportedCnn.architecture(net, data.imageShape(), spec, Activation.IDENTITY);
            } catch (SpecValidationException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** How far one probe has come: {@code done} of {@code total} parts (the probe, then each layer). */
    public interface Progress {
        void report(long done, long total);
    }

    /**
     * Probes {@code net} and records at {@code step} the loss and accuracy on the data, then every layer's series,
     * and the first layer's matrices; stops (noting why) as soon as the run is cancelled. Throws
     * {@link IllegalArgumentException} for a network {@link #problem} refuses, {@link RunDivergedException} for a loss
     * that is not finite.
     */
    public void record(ImportedNetwork net, Activation activation, long step, RunContext ctx, Progress progress) {
        problem(net).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        int depth = net.layers().size();
        progress.report(0, depth + 1);
        ProbeResult result;
        try {
            result = net.convolutions().isEmpty()
                    ? new MlpProbe(net.weights(), activation, chunkRows(net.layers()), spec.loss())
                            .probe(data.x(), data.y(), spec.lambda(), ctx::cancelled)
                    : probeCnn(net, activation);
        } catch (CancellationException stopped) {
            ctx.note(stopped.getMessage());
            return;
        }
        if (!Double.isFinite(result.loss())) {
            throw new RunDivergedException(
                    "the loss of the model on the data is " + result.loss() + " at step " + step);
        }
        ctx.metrics(step, Map.of(MlpSeries.TRAIN_LOSS, result.loss(), MlpSeries.TRAIN_ACCURACY, result.accuracy()));
        progress.report(1, depth + 1);
        for (int l = 0; l < depth; l++) {
            if (ctx.cancelled()) {
                return;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            FeatureSet.Comparison forward = ProbeSeries.putLayer(result, l, spec.backward(), l == 0, values);
            ctx.metrics(step, values);
            if (l == 0) {
                ProbeSeries.recordMatrices(ctx, step, forward);
                if (!net.convolutions().isEmpty()) {
                    ProbeSeries.recordFilters(
                            ctx,
                            step,
                            net.weights().weight(0),
                            net.convolutions().get(0).channels());
                }
            }
            progress.report(l + 2, depth + 1);
        }
    }

    /**
     * The patch forms of every convolution and the dense forms of the layers after them, from one probe of the
     * network as the lean CNN ({@link CnnProbe}); not cancellable once started.
     */
    private ProbeResult probeCnn(ImportedNetwork net, Activation activation) {
        CnnArchitecture arch = ImportedCnn.architecture(net, data.imageShape(), spec, activation);
        long rows = Math.max(1, Math.min(data.x().rows(), PROBE_CHUNK_BYTES / CnnProbe.bytesPerChunkRow(arch)));
        return new CnnProbe(arch, data.x(), data.y(), (int) rows, spec.loss())
                .probe(ImportedCnn.parameters(net, arch), spec.lambda());
    }

    private int chunkRows(List<ImportedNetwork.LayerShape> layers) {
        long widths = 0;
        for (ImportedNetwork.LayerShape l : layers) {
            widths += l.out();
        }
        long rowBytes = 8L * (data.inputs() + 5 * widths);
        return (int) Math.max(1, Math.min(data.x().rows(), PROBE_CHUNK_BYTES / rowBytes));
    }
}
