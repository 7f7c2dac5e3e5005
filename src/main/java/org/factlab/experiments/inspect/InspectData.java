package org.factlab.experiments.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.factlab.data.ImageDatasets;
import org.factlab.data.LabeledData;
import org.factlab.data.Subsets;
import org.factlab.data.uploaded.UploadedTable;
import org.factlab.uploads.DatasetLibrary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The data an {@code inspect} run probes on, float64: inputs n×d and one-hot targets n×c. A bundled dataset gives
 * the first n images of its training set ({@code subset = training}) or a stratified seeded subset of it, pixels in
 * [0, 1] or standardised (as the {@code mlp} kind); an uploaded table is used exactly as given, classes in their
 * sorted order. FACT's relative error is the distance from a critical point of the objective on exactly these
 * data (docs/science.md, "Networks trained elsewhere"). {@code imageShape} is [C, H, W] for images (a bundled dataset,
 * an uploaded .npz of n×C×H×W), each row of x in (C, H, W) order, and empty for a table.
 */
record InspectData(INDArray x, INDArray y, String description, List<Integer> imageShape) {

    static boolean bundled(String dataset) {
        return ImageDatasets.NAMES.contains(dataset);
    }

    static InspectData load(InspectSpec spec, Path datasetsDir) throws IOException {
        if (bundled(spec.dataset())) {
            boolean first = InspectSpec.TRAINING.equals(spec.subset());
            LabeledData train = first
                    ? first(ImageDatasets.load(spec.dataset(), true, datasetsDir), spec.n())
                    : ImageDatasets.stratified(spec.dataset(), true, datasetsDir, all -> spec.n(), spec.seed());
            if (spec.standardise()) {
                train = Subsets.standardised(train, train);
            }
            float[] features = train.features();
            double[] values = new double[features.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = features[i];
            }
            return new InspectData(
                    Nd4j.create(values, new long[] {train.n(), train.d()}, DataType.DOUBLE),
                    oneHot(train.labels(), train.classes()),
                    (first ? "the first " : "") + train.n() + " " + (first ? "" : "stratified ") + spec.dataset()
                            + " training images",
                    ImageDatasets.imageShape(spec.dataset()));
        }
        UploadedTable table = new DatasetLibrary(datasetsDir).load(spec.dataset());
        return new InspectData(
                Nd4j.create(table.features(), new long[] {table.n(), table.d()}, DataType.DOUBLE),
                oneHot(table.labels(), table.classes().size()),
                table.n() + " rows of the uploaded table " + spec.dataset(),
                table.imageShape());
    }

    /**
     * The first n examples of {@code all}, in its order.
     *
     * @param all not modified
     */
    private static LabeledData first(LabeledData all, int n) {
        if (n > all.n()) {
            throw new IllegalArgumentException("n: " + n + " is more than the " + all.n() + " training examples");
        }
        return new LabeledData(
                Arrays.copyOf(all.features(), n * all.d()), Arrays.copyOf(all.labels(), n), n, all.d(), all.classes());
    }

    private static INDArray oneHot(int[] labels, int classes) {
        double[] values = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1;
        }
        return Nd4j.create(values, new long[] {labels.length, classes}, DataType.DOUBLE);
    }

    int inputs() {
        return (int) x.columns();
    }

    int classes() {
        return (int) y.columns();
    }
}
