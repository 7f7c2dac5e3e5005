package org.factlab.experiments.cnn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.mlp.ProbeSeries;
import org.factlab.math.FeatureSet;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.cnn.CnnProbe;
import org.factlab.nn.mlp.ProbeResult;

/**
 * One probe of a run: the current parameters on the whole training subset in float64, the {@link MlpSeries} of every
 * weight layer (layer 1 = the first convolution, its matrices in patch form) in one commit, then the first layer's
 * cq² × cq² matrices and its filters when the snapshot plan says so.
 */
final class CnnEvaluator {

    /** Float64 working memory of one probe chunk. */
    static final long PROBE_CHUNK_BYTES = 64L << 20;
    /** Uncompressed float32 bytes of matrix snapshots one run may record. */
    static final long MATRIX_BUDGET_BYTES = 64L << 20;

    private final CnnSpec spec;
    private final CnnArchitecture arch;
    private final RunContext ctx;
    private final CnnProbe training;
    private final CnnProbe test;
    private final int snapshotStride;
    private int evaluationsDone;

    CnnEvaluator(CnnSpec spec, CnnArchitecture arch, CnnData data, RunContext ctx) {
        this.spec = spec;
        this.arch = arch;
        this.ctx = ctx;
        int chunkRows = chunkRows(arch, spec);
        this.training = new CnnProbe(arch, data.trainX(), data.trainY(), chunkRows, spec.loss());
        this.test = data.hasTestSet() ? new CnnProbe(arch, data.testX(), data.testY(), chunkRows, spec.loss()) : null;
        this.snapshotStride = snapshotStride(spec, arch.cols(0));
    }

    static int chunkRows(CnnArchitecture arch, CnnSpec spec) {
        return (int) Math.max(1, Math.min(spec.n(), PROBE_CHUNK_BYTES / CnnProbe.bytesPerChunkRow(arch)));
    }

    /** Epochs at which a run probes: 0, evalEvery, 2·evalEvery, … and the last epoch. */
    static int evaluationCount(CnnSpec spec) {
        return spec.epochs() / spec.evalEvery() + 1 + (spec.epochs() % spec.evalEvery() == 0 ? 0 : 1);
    }

    /** Every how many probes the four d×d first-layer matrices are kept (the last probe always is). */
    private static int snapshotStride(CnnSpec spec, int d) {
        long affordable = Math.max(2, MATRIX_BUDGET_BYTES / (4L * MlpSeries.MATRICES.size() * d * d));
        int evaluations = evaluationCount(spec);
        return affordable >= evaluations ? 1 : (int) Math.ceil(evaluations / (double) (affordable - 1));
    }

    /** Probes θ after {@code epoch} epochs; {@code lr} is the rate that epoch trained at. */
    void evaluate(int epoch, double[] theta, double lr, boolean last) {
        ProbeResult result = training.probe(theta, spec.lambda());
        if (!Double.isFinite(result.loss())) {
            throw new RunDivergedException("the training loss is " + result.loss() + " after epoch " + epoch
                    + " (learning rate " + spec.lr() + " too large?)");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MlpSeries.TRAIN_LOSS, result.loss());
        values.put(MlpSeries.TRAIN_ACCURACY, result.accuracy());
        if (test != null) {
            double[] measured = test.lossAndAccuracy(theta);
            values.put(MlpSeries.TEST_LOSS, measured[0]);
            values.put(MlpSeries.TEST_ACCURACY, measured[1]);
        }
        values.put(MlpSeries.LEARNING_RATE, lr);
        ctx.metrics(epoch, values);
        Map<String, Double> layers = new LinkedHashMap<>();
        boolean keep = last || evaluationsDone % snapshotStride == 0;
        FeatureSet.Comparison first = null;
        for (int l = 0; l < result.depth(); l++) {
            FeatureSet.Comparison forward = ProbeSeries.putLayer(result, l, spec.backward(), l == 0 && keep, layers);
            if (l == 0) {
                first = forward;
            }
        }
        ctx.metrics(epoch, layers);
        if (keep) {
            ProbeSeries.recordMatrices(ctx, epoch, first);
            ProbeSeries.recordFilters(ctx, epoch, arch.weights(theta).weight(0), arch.channels());
        }
        evaluationsDone++;
    }
}
