package org.factlab.experiments.cnn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.factlab.data.ImageDatasets;
import org.factlab.data.LabeledData;
import org.factlab.data.Subsets;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.cnn.ConvLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training subset and test set of a run as float32 matrices, images n × CHW in (C, H, W) order with pixels in
 * [0, 1] and one-hot targets n × 10; the test arrays are null when {@code testSize} = 0.
 */
record CnnData(INDArray trainX, INDArray trainY, INDArray testX, INDArray testY) {

    static final int CLASSES = 10;

    static CnnData load(CnnSpec spec, Path datasetsDir) throws IOException {
        LabeledData train = ImageDatasets.stratified(spec.dataset(), true, datasetsDir, all -> spec.n(), spec.seed());
        LabeledData test = spec.testSize() == 0
                ? null
                : ImageDatasets.stratified(
                        spec.dataset(), false, datasetsDir, all -> Math.min(spec.testSize(), all), spec.seed() + 1);
        return new CnnData(
                inputs(train), targets(train), test == null ? null : inputs(test), test == null ? null : targets(test));
    }

    boolean hasTestSet() {
        return testX != null;
    }

    /** {channels, side} of the dataset's images. */
    static int[] imageShape(String dataset) {
        return "cifar10".equals(dataset) ? new int[] {3, 32} : new int[] {1, 28};
    }

    /** The spec's network: one or two convolutions, an optional hidden dense layer, ten outputs. */
    static CnnArchitecture architecture(CnnSpec spec) {
        int[] image = imageShape(spec.dataset());
        List<ConvLayer> convolutions = new ArrayList<>();
        convolutions.add(new ConvLayer(spec.filters1(), spec.kernel(), spec.stride(), spec.padding(), spec.pool()));
        if (spec.filters2() > 0) {
            convolutions.add(new ConvLayer(spec.filters2(), spec.kernel(), spec.stride(), spec.padding(), spec.pool()));
        }
        return new CnnArchitecture(
                image[0],
                image[1],
                image[1],
                convolutions,
                spec.hidden() > 0 ? List.of(spec.hidden()) : List.of(),
                CLASSES,
                spec.activation());
    }

    private static INDArray inputs(LabeledData data) {
        return Nd4j.create(data.features(), new long[] {data.n(), data.d()}, 'c')
                .castTo(DataType.FLOAT);
    }

    private static INDArray targets(LabeledData data) {
        return Nd4j.create(Subsets.oneHot(data.labels(), data.classes()), new long[] {data.n(), data.classes()}, 'c')
                .castTo(DataType.FLOAT);
    }
}
