package org.factlab.experiments.modular;

import java.util.Map;
import java.util.stream.IntStream;
import org.factlab.data.ModularArithmeticData;
import org.factlab.experiments.rfm.RfmTask;

/** Modular arithmetic as an RFM task: the predicted class is the largest of the p outputs. */
final class ModularTask implements RfmTask {

    private final ModularArithmeticData data;

    ModularTask(ModularArithmeticData data) {
        this.data = data;
    }

    @Override
    public ModularArithmeticData data() {
        return data;
    }

    @Override
    public double accuracy(double[][] predictions, double[][] targets) {
        long correct = IntStream.range(0, targets.length)
                .filter(i -> targets[i][argmax(predictions[i])] == 1.0).count();
        return correct / (double) targets.length;
    }

    @Override
    public void addSeries(double[][] testPredictions, double[][] m, Map<String, Double> values) {
        int[] labels = data.testLabels();
        double loss = IntStream.range(0, labels.length)
                .mapToDouble(i -> Math.pow(testPredictions[i][labels[i]] - 1, 2)).average().orElseThrow();
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
