package org.factlab.experiments.parity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;
import org.factlab.data.SparseParityData;
import org.factlab.experiments.rfm.RfmTask;

/** Sparse parity as an RFM task: labels in {0, 1}, predicted 1 when f(x) ≥ 1/2; support measurements of M. */
record ParityTask(SparseParityData data) implements RfmTask {

    @Override
    public double accuracy(double[][] predictions, double[][] targets) {
        return RfmTask.fraction(targets.length, i -> (predictions[i][0] >= 0.5 ? 1.0 : 0.0) == targets[i][0]);
    }

    @Override
    public void addSeries(double[][] testPredictions, double[][] m, Map<String, Double> values) {
        int[] support = data.support();
        int[] top = IntStream.range(0, m.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> m[k][k]).reversed())
                .limit(support.length)
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
        double trace = IntStream.range(0, m.length).mapToDouble(k -> m[k][k]).sum();
        double onSupport = Arrays.stream(support).mapToDouble(k -> m[k][k]).sum();
        values.put(ParitySeries.SUPPORT_RECOVERED, Arrays.equals(top, support) ? 1.0 : 0.0);
        values.put(ParitySeries.DIAG_MASS_ON_SUPPORT, onSupport / trace);
    }
}
