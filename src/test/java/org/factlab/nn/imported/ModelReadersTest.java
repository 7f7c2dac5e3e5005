package org.factlab.nn.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
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
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(
                        org.nd4j.linalg.activations.Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3).activation(
                        org.nd4j.linalg.activations.Activation.SOFTMAX).hasBias(false).build()));
        ImportedNetwork read = ModelFormat.DL4J.read(zip(net), List.of());
        assertEquals(Activation.RELU, read.activation());
        assertTrue(read.softmaxOutput());
        assertEquals(List.of(new ImportedNetwork.LayerShape(4, 5, true), new ImportedNetwork.LayerShape(5, 3, false)),
                read.layers());
        assertEquals(net.getLayer(0).getParam("W").getDouble(1, 2), read.weights().weight(0).getDouble(2, 1), 0);
    }

    @Test
    void dropoutAndOtherLayersAreRefusedByName() throws Exception {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).build())
                .layer(new DropoutLayer.Builder(0.5).name("drop").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(5).nOut(3).activation(
                        org.nd4j.linalg.activations.Activation.IDENTITY).build()));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFormat.DL4J.read(zip(net), List.of()));
        assertTrue(e.getMessage().contains("layer 'drop' is a DropoutLayer"), e.getMessage());
    }

    @Test
    void hiddenLayersMustShareOneSupportedActivation() throws Exception {
        MultiLayerNetwork net = network(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).name("a").activation(
                        org.nd4j.linalg.activations.Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(5).nOut(3).activation(
                        org.nd4j.linalg.activations.Activation.IDENTITY).build()));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFormat.DL4J.read(zip(net), List.of()));
        assertTrue(e.getMessage().startsWith("layer 'a' applies sigmoid"), e.getMessage());
    }

    @Test
    void kerasThreeZipsAndPicklesAreRefusedWithWhatToDoInstead() throws Exception {
        Path keras3 = dir.resolve("model.keras");
        Files.write(keras3, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        ModelFileException zip = assertThrows(ModelFileException.class, () -> ModelFormat.KERAS.read(keras3, List.of()));
        assertTrue(zip.getMessage().contains("model.save('model.h5')"), zip.getMessage());
        ModelFileException pickle = assertThrows(ModelFileException.class, () -> ModelFormat.ofFileName("net.pth"));
        assertTrue(pickle.getMessage().contains("safetensors"), pickle.getMessage());
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
