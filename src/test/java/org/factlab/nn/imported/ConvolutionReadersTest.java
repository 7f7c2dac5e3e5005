package org.factlab.nn.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.factlab.math.ValueLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Convolutions in model files: a safetensors {@code Conv2d} weight [out, in, q, q] is read as the k×cq² matrix W in
 * the file's own order; convolutions out of place or out of step, non-square windows, and pooling in a
 * Deeplearning4j (or Keras) file other than 2×2 max-pooling are refused naming the layer.
 */
class ConvolutionReadersTest {

    @TempDir
    Path dir;

    @Test
    void aConv2dWeightIsReadAsTheKByCqSquaredMatrixInTheFilesOrder() throws Exception {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("0.weight", new long[] {2, 3, 2, 2});
        shapes.put("0.bias", new long[] {2});
        shapes.put("3.weight", new long[] {4, 8});
        ImportedNetwork net = ModelFormat.SAFETENSORS.read(safetensors(shapes), List.of(), ValueLimit.NONE);

        assertEquals(List.of(new ImportedNetwork.ConvShape(3, 2, 2)), net.convolutions());
        assertEquals(
                List.of(new ImportedNetwork.LayerShape(12, 2, true), new ImportedNetwork.LayerShape(8, 4, false)),
                net.layers());
        double[] row1 = new double[12];
        for (int i = 0; i < 12; i++) {
            row1[i] = 12 + i + 1;
        }
        assertArrayEquals(
                row1,
                net.weights().weight(0).getRow(1).toDoubleVector(),
                0,
                "filter 1's [channel][dy][dx] entries, as Conv2d.weight[1].flatten()");
    }

    @Test
    void convolutionsOutOfPlaceOrOutOfStepAreRefusedNamingTheLayer() throws Exception {
        assertRefused(
                "layer '1' is a convolution after the dense layer '0'",
                Map.of("0.weight", new long[] {4, 4}, "1.weight", new long[] {2, 1, 3, 3}, "2.weight", new long[] {3, 4
                }));
        assertRefused(
                "layer '1' takes 3 channels but layer '0' gives 2",
                Map.of(
                        "0.weight",
                        new long[] {2, 1, 3, 3},
                        "1.weight",
                        new long[] {4, 3, 3, 3},
                        "2.weight",
                        new long[] {3, 4}));
        assertRefused(
                "the last layer '1' is a convolution",
                Map.of("0.weight", new long[] {2, 1, 3, 3}, "1.weight", new long[] {4, 2, 3, 3}));
        assertRefused(
                "layer '0': weight of shape [2, 1, 3, 2] is neither",
                Map.of("0.weight", new long[] {2, 1, 3, 2}, "1.weight", new long[] {3, 4}));
    }

    @Test
    void deeplearning4jPoolingOtherThanTwoByTwoMaxIsRefusedNamingTheLayer() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).name("conv").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG)
                        .kernelSize(2, 2)
                        .stride(2, 2)
                        .name("avg")
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nOut(3)
                        .build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build());
        net.init();
        Path zip = dir.resolve("cnn.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        ModelFileException e =
                assertThrows(ModelFileException.class, () -> ModelFormat.DL4J.read(zip, List.of(), ValueLimit.NONE));
        assertTrue(e.getMessage().startsWith("layer 'avg' is AVG pooling of 2×2 windows"), e.getMessage());
    }

    private void assertRefused(String start, Map<String, long[]> shapes) throws Exception {
        Path file = safetensors(new LinkedHashMap<>(shapes));
        ModelFileException e = assertThrows(
                ModelFileException.class, () -> ModelFormat.SAFETENSORS.read(file, List.of(), ValueLimit.NONE));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    /** An F32 safetensors file of tensors of these shapes, in order, holding 1, 2, 3, … tensor by tensor. */
    private Path safetensors(Map<String, long[]> shapes) throws Exception {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long count = 1;
            StringBuilder dims = new StringBuilder();
            for (long d : e.getValue()) {
                count *= d;
                dims.append(dims.isEmpty() ? "" : ",").append(d);
            }
            header.append(header.length() > 1 ? "," : "")
                    .append('"')
                    .append(e.getKey())
                    .append("\":{\"dtype\":\"F32\"," + "\"shape\":[")
                    .append(dims)
                    .append("],\"data_offsets\":[")
                    .append(offset)
                    .append(',')
                    .append(offset + 4 * count)
                    .append("]}");
            offset += 4 * count;
        }
        byte[] text = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + text.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(text.length).put(text);
        for (int i = 0; i < offset / 4; i++) {
            bytes.putFloat(i + 1);
        }
        Path file = dir.resolve("net" + shapes.hashCode() + ".safetensors");
        Files.write(file, bytes.array());
        return file;
    }
}
