package org.factlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

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
        Part part = read(train);
        return new LabeledData(scaledPixels(part.images, null), part.labels, part.labels.length, part.d(), CLASSES);
    }

    /**
     * The stratified subset {@code Subsets.stratified(load(train), size(n), seed)} without converting the other rows:
     * only the kept images become floats (the whole part as floats is 188 MB for MNIST's training images).
     *
     * @param size the subset size, given the number of examples in the part
     */
    LabeledData stratified(boolean train, IntUnaryOperator size, long seed) throws IOException {
        Part part = read(train);
        int[] rows = Subsets.stratifiedIndices(part.labels, CLASSES, size.applyAsInt(part.labels.length), seed);
        int[] labels = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            labels[k] = part.labels[rows[k]];
        }
        return new LabeledData(scaledPixels(part.images, rows), labels, rows.length, part.d(), CLASSES);
    }

    /** One part's images and checked labels. */
    private record Part(IdxArray images, int[] labels) {
        int d() {
            return images.dims()[1] * images.dims()[2];
        }
    }

    private Part read(boolean train) throws IOException {
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
        return new Part(images, labelsOf(labels, labelsFile));
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

    /** The pixels of the given images (all when {@code rows} is null), in that order, scaled to [0,1]. */
    private static float[] scaledPixels(IdxArray images, int[] rows) {
        int d = images.dims()[1] * images.dims()[2];
        int n = rows == null ? images.dims()[0] : rows.length;
        float[] out = new float[n * d];
        for (int k = 0; k < n; k++) {
            int from = (rows == null ? k : rows[k]) * d;
            for (int j = 0; j < d; j++) {
                out[k * d + j] = images.unsigned(from + j) / 255f;
            }
        }
        return out;
    }

    private static int[] labelsOf(IdxArray labels, Path file) throws IOException {
        int[] out = new int[labels.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.unsigned(i);
            if (out[i] >= CLASSES) {
                throw new IOException(
                        "file " + file + ": label " + i + " is " + out[i] + "; expected 0.." + (CLASSES - 1));
            }
        }
        return out;
    }
}
