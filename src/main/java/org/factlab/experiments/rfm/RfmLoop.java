package org.factlab.experiments.rfm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.data.TrainTestSplit;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunDivergedException;
import org.factlab.kernels.Features;
import org.factlab.kernels.KernelMachineException;
import org.factlab.kernels.RecursiveFeatureMachine;
import org.factlab.kernels.RfmOptions;
import org.factlab.kernels.TauKPrime;
import org.factlab.math.Matrices;

/**
 * Algorithm 1 with reporting, shared by the RFM kinds: fit, evaluate and record step t = 0 … T (one
 * {@link RunContext#metrics} call and the matrices of {@link RfmSeries} per step), update M between steps,
 * then Figure 7's τ-vs-k′ analysis of the final fit. A singular system or a non-finite M ends the run
 * DIVERGED with the iteration in the message.
 */
public final class RfmLoop {

    private RfmLoop() {}

    /**
     * Runs {@code iterations} updates (T + 1 fits).
     *
     * @return M_0 … M_T and the test accuracies, or null when the run was cancelled
     */
    public static RfmHistory run(RfmOptions options, int iterations, long seed, RfmTask task, RunContext ctx) {
        TrainTestSplit data = task.data();
        try (RecursiveFeatureMachine rfm = new RecursiveFeatureMachine(data.trainX(), data.trainY(), options)) {
            return run(rfm, options.update().usesFact(), iterations, seed, task, ctx);
        }
    }

    private static RfmHistory run(
            RecursiveFeatureMachine rfm, boolean fact, int iterations, long seed, RfmTask task, RunContext ctx) {
        List<double[][]> history = new ArrayList<>();
        double[] testAccuracy = new double[iterations + 1];
        for (int t = 0; t <= iterations; t++) {
            double[][] m = rfm.featureMatrix();
            history.add(m);
            Features features = fitAndMeasure(rfm, fact, t);
            double[][] testPredictions = rfm.predict(task.data().testX());
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(
                    RfmSeries.TRAIN_ACCURACY,
                    task.accuracy(rfm.trainPredictions(), task.data().trainY()));
            testAccuracy[t] = task.accuracy(testPredictions, task.data().testY());
            values.put(RfmSeries.TEST_ACCURACY, testAccuracy[t]);
            values.put(
                    RfmSeries.TEST_MSE,
                    meanSquaredError(testPredictions, task.data().testY()));
            values.put(RfmSeries.TRACE_M, trace(m));
            if (t > 0) {
                values.put(RfmSeries.M_REL_CHANGE, Matrices.relativeError(m, history.get(t - 1)));
            }
            if (fact) {
                values.put(RfmSeries.FACT_NORM, features.factNorm());
                values.put(RfmSeries.FACT_FIXED_POINT_COSINE, features.factFixedPointCosine());
            }
            task.addSeries(testPredictions, m, values);
            ctx.metrics(t, values);
            recordMatrices(t, m, features, fact, ctx);
            ctx.progress(t + 1, iterations + 1);
            if (ctx.cancelled()) {
                return null;
            }
            if (t < iterations) {
                update(rfm, features, t);
            }
        }
        recordFigure7(rfm.tauVsKPrime(TauKPrime.FIGURE7_PAIRS, seed), iterations, ctx);
        return new RfmHistory(history, testAccuracy);
    }

    /** Fits f_t and computes its AGOP (for √AGOP) and, for FACT methods, F. */
    private static Features fitAndMeasure(RecursiveFeatureMachine rfm, boolean fact, int t) {
        try {
            rfm.fit();
            return rfm.features(true, fact);
        } catch (KernelMachineException e) {
            throw new RunDivergedException("iteration " + t + ": " + e.getMessage());
        }
    }

    private static void update(RecursiveFeatureMachine rfm, Features features, int t) {
        try {
            rfm.update(features);
        } catch (KernelMachineException e) {
            throw new RunDivergedException("update after iteration " + t + ": " + e.getMessage());
        }
    }

    private static void recordMatrices(int t, double[][] m, Features features, boolean fact, RunContext ctx) {
        int d = m.length;
        ctx.matrix(RfmSeries.MATRIX_M, t, d, d, Matrices.toFloatRowMajor(m));
        ctx.matrix(RfmSeries.MATRIX_SQRT_AGOP, t, d, d, Matrices.toFloatRowMajor(features.sqrtAgop()));
        if (fact) {
            ctx.matrix(RfmSeries.MATRIX_SQRT_FACT_MT, t, d, d, Matrices.toFloatRowMajor(features.sqrtFactMt()));
        }
    }

    private static void recordFigure7(TauKPrime analysis, int step, RunContext ctx) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(RfmSeries.TAU_SLOPE, analysis.slope());
        values.put(RfmSeries.TAU_R2, analysis.r2());
        values.put(RfmSeries.TAU_PEARSON, analysis.pearson());
        ctx.metrics(step, values);
        values.forEach(ctx::summary);
        ctx.matrix(RfmSeries.MATRIX_TAU_PAIRS, step, analysis.tau().length, 2, analysis.pairsRowMajor());
    }

    private static double meanSquaredError(double[][] predictions, double[][] targets) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            for (int c = 0; c < targets[i].length; c++) {
                double e = predictions[i][c] - targets[i][c];
                sum += e * e;
            }
        }
        return sum / ((double) targets.length * targets[0].length);
    }

    private static double trace(double[][] m) {
        double sum = 0;
        for (int k = 0; k < m.length; k++) {
            sum += m[k][k];
        }
        return sum;
    }
}
