package org.factlab.experiments.rfm;

import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.factlab.data.TrainTestSplit;

/** What a Recursive Feature Machine kind adds to the shared loop: its data and its own measurements. */
public interface RfmTask {

    /** The training rows the machine fits and the test rows it is measured on. */
    TrainTestSplit data();

    /** Fraction of rows whose prediction is right. */
    double accuracy(double[][] predictions, double[][] targets);

    /** Adds the task's own series of one step, from the test predictions and M_t. */
    void addSeries(double[][] testPredictions, double[][] m, Map<String, Double> values);

    /** The fraction of the rows 0 … rows − 1 that are {@code correct}. */
    static double fraction(int rows, IntPredicate correct) {
        return IntStream.range(0, rows).filter(correct).count() / (double) rows;
    }
}
