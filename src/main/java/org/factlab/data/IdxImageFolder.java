package org.factlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder holding an MNIST-style dataset as the four canonical IDX files
 * {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte}, each gzipped ({@code .gz}) or plain.
 *
 * @param title   the dataset's name in messages
 * @param folder  the folder holding the four files
 * @param howToGet what the user should do when files are missing
 */
record IdxImageFolder(String title, Path folder, String howToGet) {

    private static final int CLASSES = 10;

    /** The training part (60000 examples for MNIST) or the test part (10000), pixels scaled to [0,1]. */
    LabeledData load(boolean train) throws IOException {
        String prefix = train ? "train" : "t10k";
        List<String> missing = new ArrayList<>();
        Path imagesFile = locate(prefix + "-images-idx3-ubyte", missing);
        Path labelsFile = locate(prefix + "-labels-idx1-ubyte", missing);
        if (!missing.isEmpty()) {
            throw new DatasetMissingException(title + " " + (train ? "training" : "test") + " files not found: "
                    + String.join(", ", missing) + " (gzipped .gz or uncompressed). " + howToGet);
        }
        IdxArray images = IdxReader.read(imagesFile, IdxReader.IMAGES_MAGIC);
        IdxArray labels = IdxReader.read(labelsFile, IdxReader.LABELS_MAGIC);
        int n = images.dims()[0];
        if (labels.dims()[0] != n) {
            throw new IOException("file " + labelsFile + " holds " + labels.dims()[0] + " labels but " + imagesFile
                    + " holds " + n + " images");
        }
        return new LabeledData(scaledPixels(images), labelsOf(labels, labelsFile), n,
                images.dims()[1] * images.dims()[2], CLASSES);
    }

    private Path locate(String name, List<String> missing) {
        Path gzipped = folder.resolve(name + ".gz");
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        missing.add(gzipped.toString());
        return null;
    }

    private static float[] scaledPixels(IdxArray images) {
        float[] out = new float[images.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.unsigned(i) / 255f;
        }
        return out;
    }

    private static int[] labelsOf(IdxArray labels, Path file) throws IOException {
        int[] out = new int[labels.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.unsigned(i);
            if (out[i] >= CLASSES) {
                throw new IOException("file " + file + ": label " + i + " is " + out[i] + "; expected 0.."
                        + (CLASSES - 1));
            }
        }
        return out;
    }
}
