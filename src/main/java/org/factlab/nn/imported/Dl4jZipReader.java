package org.factlab.nn.imported;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.factlab.math.ValueLimit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a Deeplearning4j {@code MultiLayerNetwork} zip ({@code ModelSerializer.writeModel}): only its
 * {@code configuration.json} and {@code coefficients.bin} are read (no updater state, no Java-serialised
 * normaliser or preprocessor), each with a size cap, then checked as a dense chain ({@link Dl4jDenseChain}).
 */
final class Dl4jZipReader {

    private static final long MAX_CONFIGURATION_BYTES = 16L << 20;
    /** Wider layers are refused outright, so that sizes multiplied together cannot overflow. */
    private static final long MAX_WIDTH = 1L << 31;

    private Dl4jZipReader() {}

    static ImportedNetwork read(Path file, ValueLimit limit) throws ModelFileException, IOException {
        MultiLayerNetwork net;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String json = new String(entry(zip, "configuration.json", MAX_CONFIGURATION_BYTES), StandardCharsets.UTF_8);
            MultiLayerConfiguration conf;
            try {
                conf = MultiLayerConfiguration.fromJson(json);
            } catch (RuntimeException e) {
                throw new ModelFileException(
                        "configuration.json is not a Deeplearning4j MultiLayerNetwork "
                                + "configuration (a ComputationGraph is not supported): " + firstLine(e),
                        e);
            }
            checkParameters(conf, limit);
            net = new MultiLayerNetwork(conf);
            try {
                net.init();
            } catch (RuntimeException e) {
                throw new ModelFileException("the network of configuration.json cannot be built: " + firstLine(e), e);
            }
            long paramBytes = net.numParams() * 8 + 4096;
            byte[] coefficients = entry(zip, "coefficients.bin", paramBytes);
            INDArray params;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
                params = Nd4j.read(in);
            } catch (IOException | RuntimeException e) {
                throw new ModelFileException("coefficients.bin is not readable (truncated?): " + firstLine(e), e);
            }
            if (params.length() != net.numParams()) {
                throw new ModelFileException("coefficients.bin holds " + params.length() + " numbers; the network of "
                        + "configuration.json has " + net.numParams() + " parameters");
            }
            net.setParams(params.reshape(1, params.length()).castTo(net.params().dataType()));
        } catch (java.util.zip.ZipException e) {
            throw new ModelFileException("not a zip file (or truncated): " + e.getMessage(), e);
        }
        return Dl4jDenseChain.of(net);
    }

    /**
     * Refuses a configuration with more parameters than {@code limit}, counted from each layer's declared sizes
     * before anything is allocated ({@code init()} would allocate them all).
     */
    static void checkParameters(MultiLayerConfiguration conf, ValueLimit limit) throws ModelFileException {
        long total = 0;
        for (NeuralNetConfiguration layerConf : conf.getConfs()) {
            org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            long count;
            try {
                if (layer instanceof FeedForwardLayer ff && (ff.getNIn() > MAX_WIDTH || ff.getNOut() > MAX_WIDTH)) {
                    count = Long.MAX_VALUE;
                } else {
                    count = layer.initializer().numParams(layerConf);
                }
            } catch (RuntimeException e) {
                throw new ModelFileException(
                        "layer '" + layer.getLayerName() + "' cannot be " + "sized: " + firstLine(e), e);
            }
            total = count < 0 || total > Long.MAX_VALUE - count ? Long.MAX_VALUE : total + count;
        }
        if (!limit.allows(total)) {
            throw new ModelFileException(
                    "the network declares " + (total == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : total)
                            + " parameters; " + limit.allowed());
        }
    }

    private static byte[] entry(ZipFile zip, String name, long maxBytes) throws ModelFileException, IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFileException("not a Deeplearning4j model zip: it has no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ModelFileException(name + " is larger than the " + maxBytes + " bytes it may have");
            }
            return bytes;
        }
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
