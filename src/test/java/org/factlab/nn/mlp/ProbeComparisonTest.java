package org.factlab.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;
import org.factlab.math.FeatureSet;
import org.factlab.math.Prediction;
import org.factlab.math.Similarity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ProbeResult#compare}, which works in a reused ND4J workspace, against the same numbers computed from
 * {@link ProbeResult#layer} outside any workspace, on a first and on later cycles (when the workspace's memory is
 * reused), and with chunks smaller than the data (several cycles of the pass workspace per probe).
 */
class ProbeComparisonTest {

    private static final INDArray X = MlpFixtures.gaussian(40, 6, 1, 31);
    private static final INDArray Y = MlpFixtures.gaussian(40, 3, 1, 32);
    private static final double LAMBDA = 0.05;
    private static final Set<Prediction> KEPT = Set.of(Prediction.FACT, Prediction.SQRT_AGOP);

    @AfterEach
    void release() {
        MlpProbe.releaseMemory();
    }

    @Test
    void workspaceComparisonsEqualTheDirectOnesOnEveryCycle() {
        MlpArchitecture a = new MlpArchitecture(6, 8, 3, 3, Activation.TANH, true);
        MlpWeights weights = MlpFixtures.randomWeights(a, 7);
        ProbeResult whole = new MlpProbe(weights, Activation.TANH, 40).probe(X, Y, LAMBDA);
        for (int cycle = 0; cycle < 3; cycle++) {
            ProbeResult chunked = new MlpProbe(weights, Activation.TANH, 7).probe(X, Y, LAMBDA);
            assertEquals(whole.loss(), chunked.loss(), 1e-14);
            for (int l = 0; l < a.depth(); l++) {
                ProbeResult.LayerComparison measured = chunked.compare(l, true, l == 0 ? KEPT : Set.of());
                ProbeResult.LayerFeatures direct = whole.layer(l);
                assertEquals(whole.gradientNorm(l), measured.gradientNorm(), 1e-12);
                assertSame(direct.forward(), a.depth() - l, measured.forward(), l == 0);
                assertSame(direct.backward(), 0, measured.backward(), false);
            }
        }
    }

    @Test
    void theBackwardSideIsLeftOutWhenNotAsked() {
        MlpArchitecture a = new MlpArchitecture(6, 4, 2, 3, Activation.RELU, true);
        ProbeResult result = new MlpProbe(MlpFixtures.randomWeights(a, 3), Activation.RELU, 40).probe(X, Y, LAMBDA);
        ProbeResult.LayerComparison layer = result.compare(1, false, Set.of());
        assertNull(layer.backward());
        assertNull(layer.forward().reference());
    }

    private static void assertSame(FeatureSet direct, int agopRoot, FeatureSet.Comparison measured, boolean kept) {
        Map<Prediction, INDArray> predictions = direct.predictions(agopRoot);
        assertEquals(predictions.keySet(), measured.pearson().keySet());
        predictions.forEach((p, m) -> {
            assertEquals(
                    Similarity.pearson(m, direct.reference()),
                    measured.pearson().get(p),
                    1e-12,
                    p.id());
            assertEquals(
                    Similarity.cosine(m, direct.reference()), measured.cosine().get(p), 1e-12, p.id());
        });
        assertEquals(direct.factRelativeError(), measured.factRelativeError(), 1e-12);
        if (kept) {
            assertArrayEquals(floats(direct.reference()), measured.reference(), 1e-6f);
            for (Prediction p : KEPT) {
                assertArrayEquals(floats(predictions.get(p)), measured.kept().get(p), 1e-6f, p.id());
            }
            assertEquals(direct.reference().rows(), measured.dimension());
        }
    }

    private static float[] floats(INDArray m) {
        return m.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
