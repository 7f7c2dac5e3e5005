package org.factlab.experiments.mlp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.math.FeatureSet;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpProbe;
import org.factlab.nn.mlp.MlpWeights;
import org.factlab.nn.mlp.ProbeResult;

/**
 * One probe of a run: the network's current weights on the whole training subset in float64, every series of
 * {@link MlpSeries} in one commit, then the first layer's matrices when the snapshot plan says so.
 */
final class MlpEvaluator {

    /** Float64 working memory of one probe chunk. */
    static final long PROBE_CHUNK_BYTES = 128L << 20;
    /** Uncompressed float32 bytes of matrix snapshots one run may record. */
    static final long MATRIX_BUDGET_BYTES = 256L << 20;

    private final MlpSpec spec;
    private final MlpData data;
    private final RunContext ctx;
    private final int snapshotStride;
    private int evaluationsDone;

    MlpEvaluator(MlpSpec spec, MlpData data, RunContext ctx) {
        this.spec = spec;
        this.data = data;
        this.ctx = ctx;
        this.snapshotStride = snapshotStride(spec, data.inputDim());
    }

    /** Epochs at which a run probes: 0, evalEvery, 2·evalEvery, … and the last epoch. */
    static int evaluationCount(MlpSpec spec) {
        return spec.epochs() / spec.evalEvery() + 1 + (spec.epochs() % spec.evalEvery() == 0 ? 0 : 1);
    }

    /**
     * Every how many probes the four d×d first-layer matrices are kept (the last probe always is), so that at
     * most {@link #MATRIX_BUDGET_BYTES} of float32 snapshots are recorded.
     */
    static int snapshotStride(MlpSpec spec, int inputDim) {
        long bytesPerProbe = 4L * MlpSeries.MATRICES.size() * inputDim * inputDim;
        long affordable = Math.max(1, MATRIX_BUDGET_BYTES / bytesPerProbe);
        int evaluations = evaluationCount(spec);
        return affordable >= evaluations ? 1 : (int) Math.ceil(evaluations / (double) Math.max(1, affordable - 1));
    }

    /** Probes the weights after {@code epoch} epochs; {@code lr} is the rate that epoch trained at. */
    void evaluate(int epoch, MlpWeights weights, double lr, boolean last) {
        Activation activation = spec.activation();
        long rowBytes = MlpProbe.bytesPerChunkRow(data.inputDim(), spec.width(), spec.depth(), data.outputDim());
        int chunkRows = (int) Math.max(1, Math.min(spec.n(), PROBE_CHUNK_BYTES / rowBytes));
        MlpProbe probe = new MlpProbe(weights, activation, chunkRows, spec.loss());
        ProbeResult result = probe.probe(data.trainX(), data.trainY(), spec.lambda());
        if (!Double.isFinite(result.loss())) {
            throw new RunDivergedException("the training loss is " + result.loss() + " after epoch " + epoch
                    + " (learning rate " + spec.lr() + " too large?)");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MlpSeries.TRAIN_LOSS, result.loss());
        if (!spec.regression()) {
            values.put(MlpSeries.TRAIN_ACCURACY, result.accuracy());
        }
        if (data.hasTestSet()) {
            double[] test = probe.lossAndAccuracy(data.testX(), data.testY());
            values.put(MlpSeries.TEST_LOSS, test[0]);
            if (!spec.regression()) {
                values.put(MlpSeries.TEST_ACCURACY, test[1]);
            }
        }
        values.put(MlpSeries.LEARNING_RATE, lr);
        ctx.metrics(epoch, values); // the training curves first: the layers' comparisons below take longer
        Map<String, Double> layers = new LinkedHashMap<>();
        FeatureSet.Comparison firstLayer = null;
        boolean keep = last || evaluationsDone % snapshotStride == 0;
        for (int l = 0; l < result.depth(); l++) {
            FeatureSet.Comparison forward = ProbeSeries.putLayer(result, l, spec.backward(), l == 0 && keep, layers);
            if (l == 0) {
                firstLayer = forward;
            }
        }
        ctx.metrics(epoch, layers);
        if (keep) {
            ProbeSeries.recordMatrices(ctx, epoch, firstLayer);
        }
        evaluationsDone++;
    }
}
