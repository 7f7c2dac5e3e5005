package org.factlab.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factlab.data.DatasetMissingException;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.math.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cnn kind's quick run: the first layer's recorded matrices are cq² × cq² (25 × 25 for 5×5 filters on MNIST), its
 * recorded relative error and Pearson correlation are those of the recorded FACT and WᵀW, and every layer keeps the
 * stationarity bound ‖FACT − WᵀW‖_F = (1/λ)‖Wᵀ∇_W L_λ‖_F ≤ (1/λ)‖W‖_F ‖∇_W L_λ‖_F with ‖W‖_F² = tr(WᵀW).
 */
class CnnKindTest {

    private static final CnnKind KIND = new CnnKind();

    @Test
    void quickRunRecordsPatchMatricesConsistentWithItsSeries() throws Exception {
        CnnSpec spec = CnnPresets.QUICK.spec();
        RecordingRunContext ctx = new RecordingRunContext();
        KIND.run(spec, ctx);
        long lastEpoch = spec.epochs();
        float[] wtw = matrix(ctx, MlpSeries.MATRIX_WTW, lastEpoch);
        float[] fact = matrix(ctx, MlpSeries.MATRIX_FACT, lastEpoch);
        assertEquals(25 * 25, wtw.length);

        double difference = 0;
        double norm = 0;
        double trace = 0;
        for (int i = 0; i < wtw.length; i++) {
            difference += (fact[i] - wtw[i]) * (double) (fact[i] - wtw[i]);
            norm += wtw[i] * (double) wtw[i];
        }
        for (int i = 0; i < 25; i++) {
            trace += wtw[i * 25 + i];
        }
        double relerr = ctx.series(MlpSeries.factRelativeError(1, false)).get(lastEpoch);
        assertEquals(Math.sqrt(difference / norm), relerr, 1e-4 * relerr);
        assertEquals(
                pearson(fact, wtw),
                ctx.series(MlpSeries.similarity(1, false, Prediction.FACT, MlpSeries.PEARSON))
                        .get(lastEpoch),
                1e-5);
        double bound = Math.sqrt(trace) * ctx.series(MlpSeries.gradNorm(1)).get(lastEpoch) / spec.lambda();
        assertTrue(relerr * Math.sqrt(norm) <= bound * (1 + 1e-5), relerr + " vs bound " + bound / Math.sqrt(norm));
        assertTrue(ctx.series().containsKey(MlpSeries.factRelativeError(2, false)), "the output layer is probed too");
        assertTrue(ctx.last(MlpSeries.TRAIN_ACCURACY) > 0.5, "training learns something");
    }

    @Test
    void cifarWithoutItsFilesIsRefusedNamingTheFolder(@TempDir Path empty) {
        RecordingRunContext ctx = new RecordingRunContext().withDatasetsDirectory(empty);
        DatasetMissingException e =
                assertThrows(DatasetMissingException.class, () -> KIND.run(CnnPresets.CIFAR10.spec(), ctx));
        assertTrue(e.getMessage().contains("cifar-10-batches-bin"), e.getMessage());
    }

    @Test
    void windowsThatLeaveNoOutputAreRejected() {
        SpecValidationException e = assertThrows(
                SpecValidationException.class,
                () -> SpecCodec.override(CnnPresets.DEFAULTS, Map.of("kernel", 7, "stride", 4, "filters2", 8)));
        assertEquals("kernel", e.errors().get(0).field());
    }

    private static float[] matrix(RecordingRunContext ctx, String name, long step) {
        List<RecordingRunContext.Snapshot> found = ctx.matrices().stream()
                .filter(s -> s.name().equals(name) && s.step() == step)
                .toList();
        assertEquals(1, found.size(), name);
        return found.get(0).rowMajor();
    }

    private static double pearson(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / (double) a.length;
            mb += b[i] / (double) b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
