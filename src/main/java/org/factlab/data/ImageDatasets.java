package org.factlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Reads the image datasets from the datasets folder (RunContext.datasetsDirectory()). */
public final class ImageDatasets {

    public static final List<String> NAMES = List.of("mnist", "fashion-mnist", "cifar10");

    private ImageDatasets() {}

    /**
     * [channels, height, width] of a bundled dataset's images, each row of its features in (C, H, W) order (CIFAR-10's
     * binary batches hold the red, green and blue planes one after the other): MNIST and Fashion-MNIST 1×28×28,
     * CIFAR-10 3×32×32.
     */
    public static List<Integer> imageShape(String name) {
        return switch (name == null ? "" : name) {
            case "mnist", "fashion-mnist" -> List.of(1, 28, 28);
            case "cifar10" -> List.of(3, 32, 32);
            default -> throw new IllegalArgumentException("dataset must be one of " + NAMES + "; got '" + name + "'");
        };
    }

    /**
     * Pixels scaled to [0,1]; train = true for the training part, false for the test part. Throws
     * DatasetMissingException (an IOException) whose message names the exact expected path(s) and how to get them.
     *
     * <ul>
     *   <li>{@code mnist}: {@code <datasetsDir>/mnist/}, bundled in the repository (60000 + 10000, 28×28, d =
     * 784);</li>
     *   <li>{@code fashion-mnist}: {@code <datasetsDir>/fashion-mnist/}, same IDX layout, fetched by
     *       {@code data/fetch-fashion-mnist.sh};</li>
     *   <li>{@code cifar10}: {@code <datasetsDir>/cifar-10-batches-bin/}, the official binary batches (d = 3072).</li>
     * </ul>
     */
    public static LabeledData load(String name, boolean train, Path datasetsDir) throws IOException {
        return switch (name == null ? "" : name) {
            case "mnist", "fashion-mnist" -> idxFolder(name, datasetsDir).load(train);
            case "cifar10" -> Cifar10Reader.read(datasetsDir.resolve(Cifar10Reader.FOLDER), train);
            default -> throw new IllegalArgumentException("dataset must be one of " + NAMES + "; got '" + name + "'");
        };
    }

    private static IdxImageFolder idxFolder(String name, Path datasetsDir) {
        return name.equals("mnist")
                ? new IdxImageFolder(
                        "MNIST",
                        datasetsDir.resolve("mnist"),
                        "MNIST is bundled in the repository's data/mnist/; point factlab.datasets-dir"
                                + " (FACTLAB_DATASETS_DIR) at the folder that holds mnist/.")
                : new IdxImageFolder(
                        "Fashion-MNIST",
                        datasetsDir.resolve("fashion-mnist"),
                        "Run data/fetch-fashion-mnist.sh (it extracts the Debian package dataset-fashion-mnist), or "
                                + "copy the four *-ubyte.gz files of https://github.com/zalandoresearch/fashion-mnist "
                                + "there.");
    }

    /**
     * {@code Subsets.stratified(load(name, train, datasetsDir), size(N), seed)} for the part's N examples, the same
     * rows in the same order, without converting the rest of an IDX dataset (MNIST, Fashion-MNIST).
     *
     * @param size the subset size, given the number of examples in the part (e.g. {@code all -> Math.min(k, all)})
     */
    public static LabeledData stratified(String name, boolean train, Path datasetsDir, IntUnaryOperator size, long seed)
            throws IOException {
        return switch (name == null ? "" : name) {
            case "mnist", "fashion-mnist" -> idxFolder(name, datasetsDir).stratified(train, size, seed);
            default -> {
                LabeledData all = load(name, train, datasetsDir);
                yield Subsets.stratified(all, size.applyAsInt(all.n()), seed);
            }
        };
    }
}
