package org.factlab.experiments.mlp;

import java.io.IOException;
import java.nio.file.Path;
import org.factlab.data.GaussianLinearData;
import org.factlab.data.ImageDatasets;
import org.factlab.data.LabeledData;
import org.factlab.data.Subsets;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training subset and test set of a run as float32 matrices: inputs n×d and targets n×c (one-hot for the
 * image datasets). The test arrays are null when {@code testSize} = 0.
 */
record MlpData(INDArray trainX, INDArray trainY, INDArray testX, INDArray testY) {

    static MlpData load(MlpSpec spec, Path datasetsDir) throws IOException {
        return spec.regression() ? gaussianLinear(spec) : images(spec, datasetsDir);
    }

    int inputDim() {
        return (int) trainX.columns();
    }

    int outputDim() {
        return (int) trainY.columns();
    }

    boolean hasTestSet() {
        return testX != null;
    }

    private static MlpData gaussianLinear(MlpSpec spec) {
        GaussianLinearData data = GaussianLinearData.generate(
                spec.inputDim(), spec.outputDim(), spec.n(), Math.max(1, spec.testSize()), spec.seed());
        boolean test = spec.testSize() > 0;
        return new MlpData(
                matrix(data.trainX()),
                matrix(data.trainY()),
                test ? matrix(data.testX()) : null,
                test ? matrix(data.testY()) : null);
    }

    /** Stratified seeded subsets of the training and test parts, optionally standardised on the training subset. */
    private static MlpData images(MlpSpec spec, Path datasetsDir) throws IOException {
        LabeledData train = ImageDatasets.stratified(spec.dataset(), true, datasetsDir, all -> spec.n(), spec.seed());
        LabeledData test = null;
        if (spec.testSize() > 0) {
            test = ImageDatasets.stratified(
                    spec.dataset(), false, datasetsDir, all -> Math.min(spec.testSize(), all), spec.seed() + 1);
        }
        if (spec.standardise()) {
            LabeledData fit = train;
            test = test == null ? null : Subsets.standardised(test, fit);
            train = Subsets.standardised(train, fit);
        }
        return new MlpData(
                inputs(train), targets(train), test == null ? null : inputs(test), test == null ? null : targets(test));
    }

    private static INDArray inputs(LabeledData data) {
        return Nd4j.create(data.features(), new long[] {data.n(), data.d()}, 'c');
    }

    private static INDArray targets(LabeledData data) {
        return Nd4j.create(Subsets.oneHot(data.labels(), data.classes()), new long[] {data.n(), data.classes()}, 'c');
    }

    private static INDArray matrix(double[][] rows) {
        int cols = rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = (float) rows[i][j];
            }
        }
        return Nd4j.create(flat, new long[] {rows.length, cols}, 'c');
    }
}
