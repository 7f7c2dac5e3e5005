package org.factlab.experiments.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.factlab.choice.Choice;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.nn.imported.ImportedNetwork;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.MlpWeights;
import org.factlab.uploads.DatasetLibrary;
import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.ModelLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Networks trained with PyTorch (src/test/python/make_inspect_fixtures.py), inspected on their own training data
 * from a safetensors file, a Keras HDF5 file and a Deeplearning4j zip of the same weights: every series equals the
 * value the script computed in float64 with torch.autograd, to 1e-6.
 */
class InspectKindTest {

    private static final long MAX_BYTES = 1L << 20;

    @TempDir
    Path dir;

    private final InspectKind kind = new InspectKind();

    @Test
    void safetensorsMseTanhNetworkMatchesPyTorch() throws Exception {
        String model = upload("mse-tanh.safetensors").id();
        String data = table("train.csv");
        RecordingRunContext ctx = run(spec(model, data, 1e-3, "mse", "tanh", ""));
        InspectFixtures.assertMatches(InspectFixtures.reference("mse-tanh"), ctx);
        assertEquals(
                4,
                MlpSeries.MATRICES.stream()
                        .filter(m ->
                                ctx.matrices().stream().anyMatch(s -> s.name().equals(m) && s.rows() == 6))
                        .count(),
                "the first layer's 6×6 matrices");
    }

    @Test
    void safetensorsCrossEntropyReluNetworkWithoutSomeBiasesMatchesPyTorch() throws Exception {
        ModelInfo info = upload("ce-relu.safetensors");
        assertEquals(
                List.of(
                        new ModelInfo.Layer(6, 16, true),
                        new ModelInfo.Layer(16, 16, false),
                        new ModelInfo.Layer(16, 3, true)),
                info.layers());
        String data = table("train.npz");
        RecordingRunContext ctx = run(spec(info.id(), data, 5e-4, "cross-entropy", "relu", "fc1, fc2, fc3"));
        InspectFixtures.assertMatches(InspectFixtures.reference("ce-relu"), ctx);
    }

    @Test
    void kerasHdf5FileOfTheSameWeightsMatchesPyTorch() throws Exception {
        ModelInfo info = upload("mse-tanh.h5");
        assertEquals("keras", info.format());
        assertEquals("tanh", info.activation());
        RecordingRunContext ctx = run(spec(info.id(), table("train.csv"), 1e-3, "mse", "file", ""));
        InspectFixtures.assertMatches(InspectFixtures.reference("mse-tanh"), ctx);
    }

    @Test
    void deeplearning4jZipOfTheSameWeightsMatchesPyTorch() throws Exception {
        Path safetensors = dir.resolve("weights.safetensors");
        Files.write(safetensors, InspectFixtures.bytes("mse-tanh.safetensors"));
        ImportedNetwork torch = org.factlab.nn.imported.ModelFormat.SAFETENSORS.read(
                safetensors, List.of(), org.factlab.math.ValueLimit.NONE);
        File zip = dir.resolve("mse-tanh.zip").toFile();
        ModelSerializer.writeModel(dl4jNetwork(torch.weights()), zip, false);
        ModelInfo info;
        try (var in = Files.newInputStream(zip.toPath())) {
            info = new ModelLibrary(dir).add(in, "mse-tanh.zip", null, null, MAX_BYTES);
        }
        assertEquals("dl4j", info.format());
        RecordingRunContext ctx = run(spec(info.id(), table("train.csv"), 1e-3, "mse", "file", ""));
        InspectFixtures.assertMatches(InspectFixtures.reference("mse-tanh"), ctx);
    }

    @Test
    void launchNamesAMissingModelDatasetOrActivation() throws Exception {
        String model = upload("mse-tanh.safetensors").id();
        List<FieldError> problems =
                kind.launchProblems(spec(model, "abcdefghij012345", 1e-3, "mse", "file", ""), List.of(dir));
        assertEquals(
                List.of("activation", "dataset"),
                problems.stream().map(FieldError::field).toList());
        assertEquals(
                "model",
                kind.launchProblems(spec("nosuchmodel00000", "mnist", 1e-3, "mse", "tanh", ""), List.of(dir))
                        .get(0)
                        .field());
        List<FieldError> mnist = kind.launchProblems(spec(model, "mnist", 1e-3, "mse", "tanh", ""), List.of(dir));
        assertEquals(
                "the model maps 6 inputs to 3 outputs; mnist has 784 features and 10 classes",
                mnist.get(0).message());
        assertTrue(kind.launchProblems(spec(model, table("train.csv"), 1e-3, "mse", "tanh", ""), List.of(dir))
                .isEmpty());
    }

    @Test
    void aWrongLayerOrderOrMismatchedDataFailsWithTheReason() throws Exception {
        String model = upload("mse-tanh.safetensors").id();
        String data = table("train.csv");
        Exception order = assertThrows(Exception.class, () -> run(spec(model, data, 1e-3, "mse", "tanh", "2,0,4")));
        assertTrue(order.getMessage().contains("layer '0' takes 6 inputs"), order.getMessage());
        String narrow = new DatasetLibrary(dir)
                .add(
                        new ByteArrayInputStream("a,b,label\n1,2,x\n3,4,y\n".getBytes(StandardCharsets.UTF_8)),
                        "narrow.csv",
                        null,
                        null,
                        MAX_BYTES)
                .id();
        Exception mismatch =
                assertThrows(IllegalArgumentException.class, () -> run(spec(model, narrow, 1e-3, "mse", "tanh", "")));
        assertTrue(
                mismatch.getMessage().contains("maps 6 inputs to 3 outputs, the data has 2 features and 2 classes"),
                mismatch.getMessage());
    }

    @Test
    void theBundledExampleIsListedAndCannotBeDeleted() throws Exception {
        ModelLibrary library = new ModelLibrary(dir);
        ModelInfo example = library.list().get(0);
        assertEquals(ModelLibrary.EXAMPLE, example.id());
        assertEquals(
                List.of(784, 32, 32),
                example.layers().stream().map(ModelInfo.Layer::in).toList());
        assertFalse(library.delete(ModelLibrary.EXAMPLE));
    }

    @Test
    void theMemoryEstimateUsesTheRealWidthsAndRows() throws Exception {
        String small = upload("mse-tanh.safetensors").id();
        long estimate =
                kind.estimateMemoryBytes(spec(small, table("train.csv"), 1e-3, "mse", "tanh", ""), List.of(dir));
        assertTrue(estimate > 0 && estimate < 4L << 20, "120 rows of 6 features: " + estimate);
        int d = 20_000;
        byte[] header = ("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1," + d + "],\"data_offsets\":[0," + 4 * d
                        + "]}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] wide = new byte[8 + header.length + 4 * d];
        ByteBuffer.wrap(wide)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .put(header);
        String model = new ModelLibrary(dir)
                .add(new ByteArrayInputStream(wide), "wide.safetensors", null, null, MAX_BYTES)
                .id();
        String row = "0,".repeat(d) + "a\n";
        String data = new DatasetLibrary(dir)
                .add(
                        new ByteArrayInputStream(
                                ("x,".repeat(d) + "label\n" + row + row).getBytes(StandardCharsets.UTF_8)),
                        "wide.csv",
                        null,
                        null,
                        MAX_BYTES)
                .id();
        long wideEstimate = kind.estimateMemoryBytes(spec(model, data, 1e-3, "mse", "identity", ""), List.of(dir));
        assertTrue(wideEstimate > 16L * d * d * 8, "the d×d matrices of a " + d + "-wide input: " + wideEstimate);
    }

    @Test
    void aCancelledProbeStopsBeforeItsFirstChunkAndRecordsNothing() throws Exception {
        String model = upload("mse-tanh.safetensors").id();
        RecordingRunContext ctx = new RecordingRunContext().withDatasetsDirectory(dir);
        ctx.cancel();
        kind.run(spec(model, table("train.csv"), 1e-3, "mse", "tanh", ""), ctx);
        assertEquals(0, ctx.metricCalls());
        assertTrue(
                ctx.notes().stream().anyMatch(n -> n.equals("the probe was stopped after 0 of 120 samples")),
                ctx.notes().toString());
    }

    private RecordingRunContext run(InspectSpec spec) throws Exception {
        RecordingRunContext ctx = new RecordingRunContext().withDatasetsDirectory(dir);
        kind.run(spec, ctx);
        return ctx;
    }

    static InspectSpec spec(
            String model, String dataset, double lambda, String loss, String activation, String layers) {
        return new InspectSpec(
                model,
                dataset,
                1000,
                0L,
                false,
                lambda,
                Choice.fromId(Loss.class, loss),
                activation,
                layers,
                false,
                InspectSpec.STRATIFIED,
                "",
                "",
                "");
    }

    private ModelInfo upload(String resource) throws Exception {
        return new ModelLibrary(dir)
                .add(new ByteArrayInputStream(InspectFixtures.bytes(resource)), resource, null, null, MAX_BYTES);
    }

    private String table(String resource) throws Exception {
        return new DatasetLibrary(dir)
                .add(new ByteArrayInputStream(InspectFixtures.bytes(resource)), resource, null, null, MAX_BYTES)
                .id();
    }

    /** The PyTorch network as a float32 Deeplearning4j network: tanh dense layers, a linear MSE output layer. */
    private static MultiLayerNetwork dl4jNetwork(MlpWeights w) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(6)
                        .nOut(16)
                        .activation(Activation.TANH)
                        .build())
                .layer(new DenseLayer.Builder()
                        .nIn(16)
                        .nOut(16)
                        .activation(Activation.TANH)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(16)
                        .nOut(3)
                        .activation(Activation.IDENTITY)
                        .build())
                .build());
        net.init();
        for (int l = 0; l < 3; l++) {
            net.getLayer(l)
                    .setParam(
                            "W", w.weight(l).transpose().castTo(DataType.FLOAT).dup('f'));
            net.getLayer(l).setParam("b", w.bias(l).castTo(DataType.FLOAT));
        }
        return net;
    }
}
