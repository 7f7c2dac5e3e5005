package org.factlab.nn.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.factlab.math.ValueLimit;
import org.factlab.nn.mlp.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** What the model readers accept and how they refuse the rest: each refusal names the layer or the reason. */
class ModelReadersTest {

    @TempDir
    Path dir;

    @Test
    void safetensorsLayersFollowTheirNamesNumerically() {
        assertEquals(List.of("fc1", "fc2", "fc10"), SafetensorsReader.naturalOrder(List.of("fc10", "fc2", "fc1")));
        assertEquals(List.of("0", "2", "10"), SafetensorsReader.naturalOrder(List.of("10", "0", "2")));
    }

    @Test
    void aDeeplearning4jNetworkEndingInSoftmaxIsReadWithItsActivation() throws Exception {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(4)
                        .nOut(5)
                        .activation(org.nd4j.linalg.activations.Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(5)
                        .nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                        .hasBias(false)
                        .build()));
        ImportedNetwork read = ModelFormat.DL4J.read(zip(net), List.of(), ValueLimit.NONE);
        assertEquals(Activation.RELU, read.activation());
        assertTrue(read.softmaxOutput());
        assertEquals(
                List.of(new ImportedNetwork.LayerShape(4, 5, true), new ImportedNetwork.LayerShape(5, 3, false)),
                read.layers());
        assertEquals(
                net.getLayer(0).getParam("W").getDouble(1, 2),
                read.weights().weight(0).getDouble(2, 1),
                0);
    }

    @Test
    void dropoutAndOtherLayersAreRefusedByName() throws Exception {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).build())
                .layer(new DropoutLayer.Builder(0.5).name("drop").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(5)
                        .nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY)
                        .build()));
        ModelFileException e = assertThrows(
                ModelFileException.class, () -> ModelFormat.DL4J.read(zip(net), List.of(), ValueLimit.NONE));
        assertTrue(e.getMessage().contains("layer 'drop' is a DropoutLayer"), e.getMessage());
    }

    @Test
    void hiddenLayersMustShareOneSupportedActivation() throws Exception {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(4)
                        .nOut(5)
                        .name("a")
                        .activation(org.nd4j.linalg.activations.Activation.SIGMOID)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(5)
                        .nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY)
                        .build()));
        ModelFileException e = assertThrows(
                ModelFileException.class, () -> ModelFormat.DL4J.read(zip(net), List.of(), ValueLimit.NONE));
        assertTrue(e.getMessage().startsWith("layer 'a' applies sigmoid"), e.getMessage());
    }

    @Test
    void kerasThreeZipsAndPicklesAreRefusedWithWhatToDoInstead() throws Exception {
        Path keras3 = dir.resolve("model.keras");
        Files.write(keras3, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        ModelFileException zip = assertThrows(
                ModelFileException.class, () -> ModelFormat.KERAS.read(keras3, List.of(), ValueLimit.NONE));
        assertTrue(zip.getMessage().contains("model.save('model.h5')"), zip.getMessage());
        ModelFileException pickle = assertThrows(ModelFileException.class, () -> ModelFormat.ofFileName("net.pth"));
        assertTrue(pickle.getMessage().contains("safetensors"), pickle.getMessage());
    }

    @Test
    void safetensorsWhoseTensorsShareOrSkipBytesAreRefusedBeforeReading() throws Exception {
        String aliased = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]},"
                + "\"1.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]},"
                + "\"2.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]}}";
        ModelFileException overlap = assertThrows(
                ModelFileException.class,
                () -> ModelFormat.SAFETENSORS.read(safetensors(aliased, 64), List.of(), ValueLimit.NONE));
        assertTrue(overlap.getMessage().contains("overlap the previous tensor's bytes"), overlap.getMessage());
        String gap = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[8,72]}}";
        ModelFileException hole = assertThrows(
                ModelFileException.class,
                () -> ModelFormat.SAFETENSORS.read(safetensors(gap, 72), List.of(), ValueLimit.NONE));
        assertTrue(hole.getMessage().contains("leave a gap after byte 0"), hole.getMessage());
        String one = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]}}";
        ModelFileException padded = assertThrows(
                ModelFileException.class,
                () -> ModelFormat.SAFETENSORS.read(safetensors(one, 64 + 4096), List.of(), ValueLimit.NONE));
        assertTrue(padded.getMessage().contains("fill 64 of the file's 4160 data bytes"), padded.getMessage());
    }

    @Test
    void safetensorsOverTheParameterLimitAreRefusedNamingIt() throws Exception {
        String one = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,64]}}";
        ModelFileException e = assertThrows(
                ModelFileException.class,
                () -> ModelFormat.SAFETENSORS.read(safetensors(one, 64), List.of(), new ValueLimit(15, "test.limit")));
        assertEquals("the file holds 16 parameters; allowed: at most 15 numbers (test.limit)", e.getMessage());
        assertEquals(
                1,
                ModelFormat.SAFETENSORS
                        .read(safetensors(one, 64), List.of(), new ValueLimit(16, "t"))
                        .layers()
                        .size());
    }

    @Test
    void aDeeplearning4jZipDeclaringHugeLayersIsRefusedBeforeItIsBuilt() throws Exception {
        MultiLayerConfiguration huge = new NeuralNetConfiguration.Builder()
                .list()
                .layer(new DenseLayer.Builder().nIn(30_000).nOut(30_000).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(30_000)
                        .nOut(3)
                        .build())
                .build();
        Path file = dir.resolve("huge.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write(huge.toJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ModelFileException e = assertThrows(
                ModelFileException.class,
                () -> ModelFormat.DL4J.read(file, List.of(), new ValueLimit(1_000_000, "test.limit")));
        assertEquals(
                "the network declares 900120003 parameters; allowed: at most 1000000 numbers (test.limit)",
                e.getMessage());
    }

    @Test
    void aKerasFileThatCrashesTheNativeReaderIsRefusedAndThisJvmGoesOn() throws Exception {
        Path mutant = dir.resolve("mutant.h5");
        try (var in = ModelReadersTest.class.getResourceAsStream("/inspect/mse-tanh-mutant.h5")) {
            Files.copy(in, mutant);
        }
        ModelFileException e =
                assertThrows(ModelFileException.class, () -> IsolatedKerasReader.read(mutant, ValueLimit.NONE));
        assertTrue(e.getMessage().startsWith("the Keras HDF5 reader crashed (exit code "), e.getMessage());
        Path good = dir.resolve("good.h5");
        try (var in = ModelReadersTest.class.getResourceAsStream("/inspect/mse-tanh.h5")) {
            Files.copy(in, good);
        }
        IsolatedKerasReader.Summary read = IsolatedKerasReader.read(good, ValueLimit.NONE);
        assertEquals(Activation.TANH, read.activation());
        assertEquals(
                List.of(
                        new ImportedNetwork.LayerShape(6, 16, true),
                        new ImportedNetwork.LayerShape(16, 16, true),
                        new ImportedNetwork.LayerShape(16, 3, true)),
                read.layers());
        ModelFileException limited = assertThrows(
                ModelFileException.class, () -> IsolatedKerasReader.read(good, new ValueLimit(100, "test.limit")));
        assertTrue(
                limited.getMessage().endsWith("parameters; allowed: at most 100 numbers (test.limit)"),
                limited.getMessage());
    }

    /** A safetensors file with this header and {@code dataBytes} zero bytes of data. */
    private Path safetensors(String header, int dataBytes) throws Exception {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + h.length + dataBytes];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h);
        return Files.write(Files.createTempFile(dir, "net", ".safetensors"), out);
    }

    private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder list) {
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private Path zip(MultiLayerNetwork net) throws Exception {
        Path file = Files.createTempFile(dir, "net", ".zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }
}
