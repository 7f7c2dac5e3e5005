package org.factlab.experiments.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.math.Prediction;
import org.factlab.nn.imported.ImportedNetwork.ConvShape;
import org.factlab.nn.mlp.Loss;
import org.factlab.uploads.DatasetInfo;
import org.factlab.uploads.DatasetLibrary;
import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.ModelLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CNN trained by PyTorch (src/test/resources/cnn/make_fixture.py: Conv2d(1, 4, 3, padding 1), ReLU, MaxPool2d(2),
 * Conv2d(4, 6, 3, stride 2, padding 1), ReLU, Flatten, Linear(24, 3), cross-entropy, λ = 1e-3) uploaded as its
 * safetensors file, with its training images uploaded as an .npz of n×1×8×8, through {@code inspect}: layer 1 (the
 * first convolution) reports the patch-FACT relative error and Pearson correlation, the patch-AGOP and patch-eNFA
 * cosines, ‖∇_W L_λ‖ and the loss that the script computed from their definitions with torch.autograd in float64;
 * a Keras HDF5 file of another CNN (make_keras_fixture.py: channels last, padding 'same') gives every series its
 * PyTorch safetensors twin gives.
 */
class InspectCnnTest {

    private static final long MAX_BYTES = 1L << 20;

    @TempDir
    Path dir;

    private final InspectKind kind = new InspectKind();

    @Test
    void firstConvolutionMatchesTorchThroughInspect() throws Exception {
        JsonNode expected = expected();
        ModelInfo model = upload("tiny-cnn.safetensors");
        assertEquals(List.of(new ConvShape(1, 4, 3), new ConvShape(4, 6, 3)), model.convolutions());
        DatasetInfo data = table();
        assertEquals(List.of(1, 8, 8), data.imageShape());
        assertEquals(64, data.features());
        InspectSpec spec = spec(model.id(), data.id(), "1,2", "1,1", "2,0");
        assertEquals(List.of(), kind.launchProblems(spec, List.of(dir)));

        RecordingRunContext ctx = new RecordingRunContext().withDatasetsDirectory(dir);
        kind.run(spec, ctx);

        assertEquals(expected.get("fact_relerr").asDouble(), ctx.last(MlpSeries.factRelativeError(1, false)), 1e-6);
        assertEquals(
                expected.get("fact_pearson").asDouble(),
                ctx.last(MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON)),
                1e-6);
        assertEquals(
                expected.get("agop_cosine").asDouble(),
                ctx.last(MlpSeries.similarity(1, false, Prediction.AGOP, MlpSeries.COSINE)),
                1e-6);
        assertEquals(
                expected.get("enfa_cosine").asDouble(),
                ctx.last(MlpSeries.similarity(1, false, Prediction.ENFA, MlpSeries.COSINE)),
                1e-6);
        assertEquals(expected.get("grad_norm").asDouble(), ctx.last(MlpSeries.gradNorm(1)), 1e-9);
        assertEquals(expected.get("loss").asDouble(), ctx.last(MlpSeries.TRAIN_LOSS), 1e-9);
        assertTrue(ctx.series().containsKey(MlpSeries.factRelativeError(3, false)), "the dense layer is layer 3");
        assertTrue(
                ctx.matrices().stream()
                        .filter(m -> m.name().equals(MlpSeries.MATRIX_WTW))
                        .allMatch(m -> m.rows() == 9 && m.cols() == 9),
                "layer 1's WᵀW is cq² × cq² = 9 × 9, whole");
        RecordingRunContext.Snapshot filters = ctx.matrices().stream()
                .filter(m -> m.name().equals(MlpSeries.MATRIX_FILTERS))
                .findFirst()
                .orElseThrow();
        assertEquals(4, filters.rows(), "k·c = 4 filters of one channel");
        assertEquals(9, filters.cols(), "each a 3×3 window");
    }

    @Test
    void stridesPaddingsAndPoolsThatDoNotFitTheNetworkAreRefusedByField() throws Exception {
        String model = upload("tiny-cnn.safetensors").id();
        String data = table().id();
        assertEquals(List.of("strides"), fields(spec(model, data, "1", "1,1", "2,0")));
        assertEquals(List.of("strides"), fields(spec(model, data, "1,2", "1,1", "")));
        assertEquals(List.of("paddings"), fields(spec(model, data, "1,2", "3,1", "2,0")));
        List<FieldError> mnist = kind.launchProblems(spec(model, "mnist", "1,2", "1,1", "2,0"), List.of(dir));
        assertEquals(List.of("dataset"), mnist.stream().map(FieldError::field).toList(), mnist.toString());
        SpecValidationException range =
                assertThrows(SpecValidationException.class, () -> spec(model, data, "1,9", "", ""));
        assertEquals("strides", range.errors().get(0).field());
        assertTrue(range.getMessage().contains("allowed: integers in [1, 8]"), range.getMessage());
        assertEquals(
                "pools",
                assertThrows(SpecValidationException.class, () -> spec(model, data, "", "", "3"))
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "paddings",
                assertThrows(SpecValidationException.class, () -> spec(model, data, "", "a", ""))
                        .errors()
                        .get(0)
                        .field());
    }

    @Test
    void aKerasFileOfTheSameWeightsGivesTheSameSeriesWithItsOwnStridesPaddingsAndPools() throws Exception {
        ModelInfo keras = upload("tiny-cnn-keras.h5");
        assertEquals(
                List.of(new ConvShape(1, 4, 3, 1, 1, 2), new ConvShape(4, 6, 3, 1, 0, 0)),
                keras.convolutions(),
                "Conv2D(padding='same'), MaxPooling2D(2), Conv2D(padding='valid')");
        String torch = upload("tiny-cnn-keras.safetensors").id();
        String data = table().id();
        assertEquals(List.of("paddings"), fields(spec(keras.id(), data, "", "0,0", "")), "contradicts the file");
        RecordingRunContext fromKeras = run(spec(keras.id(), data, "", "", ""));
        RecordingRunContext fromTorch = run(spec(torch, data, "", "1,0", "2,0"));
        assertTrue(fromTorch.series().size() > 40, fromTorch.series().keySet().toString());
        for (String name : fromTorch.series().keySet()) {
            double expected = fromTorch.last(name);
            assertEquals(expected, fromKeras.last(name), 1e-9 * Math.max(1, Math.abs(expected)), name);
        }
    }

    private RecordingRunContext run(InspectSpec spec) throws Exception {
        RecordingRunContext ctx = new RecordingRunContext().withDatasetsDirectory(dir);
        kind.run(spec, ctx);
        return ctx;
    }

    private List<String> fields(InspectSpec spec) {
        return kind.launchProblems(spec, List.of(dir)).stream()
                .map(FieldError::field)
                .toList();
    }

    private static InspectSpec spec(String model, String dataset, String strides, String paddings, String pools) {
        return new InspectSpec(
                model,
                dataset,
                1000,
                0L,
                false,
                1e-3,
                Loss.CROSS_ENTROPY,
                "relu",
                "",
                false,
                InspectSpec.STRATIFIED,
                strides,
                paddings,
                pools);
    }

    private static JsonNode expected() throws IOException {
        try (InputStream in = open("expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private ModelInfo upload(String resource) throws Exception {
        try (InputStream in = open(resource)) {
            return new ModelLibrary(dir).add(in, resource, null, null, MAX_BYTES);
        }
    }

    /** probe.npz: X (72 × 1 × 8 × 8), y (72 labels) and Y (the one-hot targets, not read by the upload). */
    private DatasetInfo table() throws Exception {
        try (InputStream in = open("probe.npz")) {
            return new DatasetLibrary(dir)
                    .add(new ByteArrayInputStream(in.readAllBytes()), "probe.npz", null, null, MAX_BYTES);
        }
    }

    private static InputStream open(String name) {
        InputStream in = InspectCnnTest.class.getResourceAsStream("/cnn/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource cnn/" + name);
        }
        return in;
    }
}
