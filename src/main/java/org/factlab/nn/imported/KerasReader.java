package org.factlab.nn.imported;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.factlab.math.ValueLimit;

/**
 * Reads a Keras Sequential model saved as HDF5 ({@code model.save('model.h5')}: {@code model_config} and
 * {@code model_weights}) with Deeplearning4j's Keras import, then checks it as a dense chain
 * ({@link Dl4jDenseChain}). The training configuration is not needed. The zip-based {@code .keras} format of Keras 3
 * is refused with a message, as Deeplearning4j 1.0.0-M2.1 cannot read it.
 */
final class KerasReader {

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private KerasReader() {}

    static ImportedNetwork read(Path file, ValueLimit limit) throws ModelFileException, IOException {
        checkSignature(file);
        MultiLayerNetwork net;
        try {
            net = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelFileException(
                    "Deeplearning4j's Keras import cannot read this file as a Sequential model "
                            + "(truncated, a functional Model, or layers it does not know): "
                            + Dl4jZipReader.firstLine(e),
                    e);
        }
        Dl4jZipReader.checkParameters(net.getLayerWiseConfigurations(), limit);
        return Dl4jDenseChain.of(net);
    }

    /** Refuses, in plain Java, a file that does not start like HDF5 (a Keras 3 zip named with its own message). */
    static void checkSignature(Path file) throws ModelFileException, IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HDF5_SIGNATURE.length);
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            throw new ModelFileException("this is a Keras 3 .keras zip, which Deeplearning4j's Keras import cannot "
                    + "read; save the model as HDF5 instead: model.save('model.h5')");
        }
        if (!Arrays.equals(head, HDF5_SIGNATURE)) {
            throw new ModelFileException("not a Keras HDF5 file: it does not start with the HDF5 signature");
        }
    }
}
