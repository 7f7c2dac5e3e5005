package org.factlab.nn.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.factlab.math.FeatureSet;
import org.factlab.math.Prediction;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.ProbeResult;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A CNN trained by PyTorch (src/test/resources/cnn/make_fixture.py: Conv2d(1, 4, 3, padding 1), ReLU, MaxPool2d(2),
 * Conv2d(4, 6, 3, stride 2, padding 1), ReLU, Flatten, Linear(24, 3), cross-entropy, λ = 1e-3): the probe of its
 * first convolution on the training images gives the patch-FACT relative error and Pearson correlation with WᵀW, the
 * patch-AGOP and patch-eNFA cosines, ‖∇_W L_λ‖ and the loss that torch.autograd computed from the definitions.
 */
class CnnTorchFixtureTest {

    private static final Path DIR = Path.of("src/test/resources/cnn");
    private static final CnnArchitecture ARCH = new CnnArchitecture(
            1,
            8,
            8,
            List.of(new ConvLayer(4, 3, 1, 1, true), new ConvLayer(6, 3, 2, 1, false)),
            List.of(),
            3,
            Activation.RELU);

    @Test
    void firstConvolutionMatchesTorch() throws IOException {
        JsonNode expected =
                new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        double lambda = expected.get("lambda").asDouble();
        double[] theta = parameters(
                DIR.resolve("tiny-cnn.safetensors"),
                List.of("0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias"));
        Map<String, double[]> arrays = npz(DIR.resolve("probe.npz"));
        double[] x = arrays.get("X");
        double[] y = arrays.get("Y");
        int n = y.length / 3;
        INDArray images = Nd4j.create(x, new long[] {n, ARCH.inputDim()}, 'c').castTo(DataType.DOUBLE);
        INDArray targets = Nd4j.create(y, new long[] {n, 3}, 'c').castTo(DataType.DOUBLE);

        ProbeResult result = new CnnProbe(ARCH, images, targets, 32, Loss.CROSS_ENTROPY).probe(theta, lambda);
        FeatureSet.Comparison first = result.layer(0).forward().compare(ARCH.depth(), Set.of());

        assertEquals(expected.get("fact_relerr").asDouble(), first.factRelativeError(), 1e-6);
        assertEquals(expected.get("fact_pearson").asDouble(), first.pearson().get(Prediction.FACT), 1e-6);
        assertEquals(expected.get("agop_cosine").asDouble(), first.cosine().get(Prediction.AGOP), 1e-6);
        assertEquals(expected.get("enfa_cosine").asDouble(), first.cosine().get(Prediction.ENFA), 1e-6);
        assertEquals(expected.get("grad_norm").asDouble(), result.gradientNorm(0), 1e-9);
        assertEquals(expected.get("loss").asDouble(), result.loss(), 1e-9);
    }

    /** The F64 tensors named in {@code order}, concatenated: PyTorch's state_dict is the flat θ of the architecture. */
    private static double[] parameters(Path file, List<String> order) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Math.toIntExact(bytes.getLong(0));
        JsonNode header =
                new ObjectMapper().readTree(new String(bytes.array(), 8, headerLength, StandardCharsets.UTF_8));
        int dataStart = 8 + headerLength;
        double[] theta = new double[ARCH.parameterCount()];
        int at = 0;
        for (String name : order) {
            JsonNode entry = header.get(name);
            assertEquals("F64", entry.get("dtype").asText(), name);
            int begin = entry.get("data_offsets").get(0).asInt();
            int end = entry.get("data_offsets").get(1).asInt();
            for (int offset = begin; offset < end; offset += 8) {
                theta[at++] = bytes.getDouble(dataStart + offset);
            }
        }
        assertEquals(theta.length, at, "parameters in the file");
        return theta;
    }

    /** The '&lt;f8' C-order arrays of an uncompressed or deflated .npz, flattened, by name. */
    private static Map<String, double[]> npz(Path file) throws IOException {
        Map<String, double[]> arrays = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                arrays.put(entry.getName().replace(".npy", ""), npy(zip));
            }
        }
        return arrays;
    }

    private static double[] npy(InputStream in) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Short.toUnsignedInt(bytes.getShort(8));
        String header = new String(bytes.array(), 10, headerLength, StandardCharsets.ISO_8859_1);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")) {
            throw new IOException("expected a C-order <f8 array: " + header);
        }
        Matcher shape = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        long count = 1;
        if (shape.find()) {
            for (String dim : shape.group(1).split(",")) {
                count *= dim.isBlank() ? 1 : Long.parseLong(dim.trim());
            }
        }
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes.getDouble(10 + headerLength + 8 * i);
        }
        return values;
    }
}
