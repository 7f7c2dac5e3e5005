package org.factlab.experiments.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.factlab.data.ImageDatasets;
import org.factlab.data.LabeledData;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.mlp.MlpSeries;
import org.junit.jupiter.api.Test;

/**
 * The {@code inspect} preset probes the bundled example network on the data it was trained on, the first 5000 MNIST
 * training images (FACT's relative error is the distance from a critical point of the objective on exactly the data
 * probed); {@code subset = training} gives the first n training images in file order, and a spec stored without the
 * field binds to the stratified subset it probed.
 */
class InspectTrainingSubsetTest {

    private static final Path DATA = Path.of("data");

    @Test
    void thePresetProbesTheFirst5000TrainingImages() throws Exception {
        InspectSpec preset = InspectPresets.QUICK.spec();
        assertEquals(InspectSpec.TRAINING, preset.subset());
        assertEquals(5000, preset.n());
        InspectData data = InspectData.load(preset, DATA);
        LabeledData mnist = ImageDatasets.load("mnist", true, DATA);
        int d = mnist.d();
        double[] expected = new double[5000 * d];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = mnist.features()[i];
        }
        assertArrayEquals(expected, data.x().dup('c').data().asDouble(), 0, "the first 5000 images, in file order");
        for (int i = 0; i < 5000; i++) {
            assertEquals(1.0, data.y().getDouble(i, mnist.labels()[i]), 0, "label of image " + i);
        }
    }

    @Test
    void specsWithoutTheFieldProbeTheStratifiedSubset() {
        InspectKind kind = new InspectKind();
        Map<String, Object> stored = new HashMap<>(SpecCodec.toMap(InspectPresets.QUICK.spec()));
        stored.remove("subset");
        assertEquals(InspectSpec.STRATIFIED, SpecCodec.bind(kind, stored, null).subset());
    }

    /**
     * The network is nearer a critical point of the objective on its own training data than on a stratified subset
     * of the same size (relerr of the first layer lower), as the stationarity identity FACT − WᵀW = −(1/λ) Wᵀ∇_W L_λ
     * says it must be for a network trained on those data.
     */
    @Test
    void theTrainingDataAreNearerACriticalPoint() throws Exception {
        InspectSpec training = InspectPresets.QUICK.spec();
        InspectSpec stratified = SpecCodec.override(training, Map.of("subset", InspectSpec.STRATIFIED));
        double own = relativeError(training);
        double other = relativeError(stratified);
        assertTrue(own < other, "relerr on the training data " + own + ", on a stratified subset " + other);
    }

    private static double relativeError(InspectSpec spec) throws Exception {
        RecordingRunContext ctx = new RecordingRunContext();
        new InspectKind().run(spec, ctx);
        return ctx.last(MlpSeries.factRelativeError(1, false));
    }
}
