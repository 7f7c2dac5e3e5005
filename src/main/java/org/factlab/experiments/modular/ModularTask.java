package org.factlab.experiments.modular;

import java.util.Map;
import java.util.stream.IntStream;
import org.factlab.data.ModularArithmeticData;
import org.factlab.experiments.rfm.RfmTask;

/** Modular arithmetic as an RFM task: the predicted class is the largest of the p outputs. */
record ModularTask(ModularArithmeticData data) implements RfmTask {

    @Override
    public double accuracy(double[][] predictions, double[][] targets) {
        return RfmTask.fraction(targets.length, i -> targets[i][argmax(predictions[i])] == 1.0);
    }

    @Override
    public void addSeries(double[][] testPredictions, double[][] m, Map<String, Double> values) {
        int[] labels = data.testLabels();
        double loss = IntStream.range(0, labels.length)
                .mapToDouble(i -> Math.pow(testPredictions[i][labels[i]] - 1, 2))
                .average()
                .orElseThrow();
        values.put(ModularSeries.CORRECT_LOGIT_LOSS, loss);
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
