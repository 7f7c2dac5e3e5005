package org.factlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of the official CIFAR-10 binary version (www.cs.toronto.edu/~kriz/cifar.html): files of records of
 * 3073 bytes, one label byte (0..9) then the 32×32 image as 1024 red, 1024 green and 1024 blue bytes, rows
 * top to bottom. Features keep the file's channel-major order (d = 3072), scaled by 1/255.
 */
public final class Cifar10Reader {

    /** The folder the official archive extracts to. */
    public static final String FOLDER = "cifar-10-batches-bin";

    public static final String DOWNLOAD_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    public static final int PIXELS = 3 * 32 * 32;
    public static final int RECORD_BYTES = 1 + PIXELS;
    private static final int CLASSES = 10;
    private static final List<String> TRAIN_FILES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    private static final List<String> TEST_FILES = List.of("test_batch.bin");

    private Cifar10Reader() {}

    /** The five training batches (50000 examples in the official files) or the test batch (10000). */
    public static LabeledData read(Path folder, boolean train) throws IOException {
        List<Path> files = existingFiles(folder, train ? TRAIN_FILES : TEST_FILES);
        long total = 0;
        for (Path file : files) {
            total += recordCount(file, Files.size(file));
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new IOException("CIFAR-10 in " + folder + " holds " + total + " records, too many for one array");
        }
        int n = (int) total;
        float[] features = new float[n * PIXELS];
        int[] labels = new int[n];
        int row = 0;
        for (Path file : files) {
            row = readRecords(file, features, labels, row);
        }
        return new LabeledData(features, labels, n, PIXELS, CLASSES);
    }

    private static List<Path> existingFiles(Path folder, List<String> names) throws DatasetMissingException {
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Path file = folder.resolve(name);
            files.add(file);
            if (!Files.isRegularFile(file)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetMissingException("CIFAR-10 files not found in " + folder + ": "
                    + String.join(", ", missing)
                    + ". Download the binary version " + DOWNLOAD_URL + " and extract it in " + folder.getParent()
                    + " (tar xzf cifar-10-binary.tar.gz creates " + FOLDER + "/).");
        }
        return files;
    }

    private static long recordCount(Path file, long bytes) throws IOException {
        if (bytes == 0) {
            throw new IOException("file " + file + ": empty; expected records of " + RECORD_BYTES + " bytes");
        }
        if (bytes % RECORD_BYTES != 0) {
            throw new IOException("file " + file + ": record " + bytes / RECORD_BYTES
                    + " (counting from 0) is truncated, "
                    + bytes % RECORD_BYTES + " of " + RECORD_BYTES + " bytes");
        }
        return bytes / RECORD_BYTES;
    }

    private static int readRecords(Path file, float[] features, int[] labels, int firstRow) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int records = (int) recordCount(file, bytes.length);
        for (int r = 0; r < records; r++) {
            int offset = r * RECORD_BYTES;
            int label = bytes[offset] & 0xFF;
            if (label >= CLASSES) {
                throw new IOException("file " + file + ": record " + r + " (counting from 0) has label " + label
                        + "; CIFAR-10 labels are 0.." + (CLASSES - 1));
            }
            int row = firstRow + r;
            labels[row] = label;
            int base = row * PIXELS;
            for (int j = 0; j < PIXELS; j++) {
                features[base + j] = (bytes[offset + 1 + j] & 0xFF) / 255f;
            }
        }
        return firstRow + records;
    }
}
