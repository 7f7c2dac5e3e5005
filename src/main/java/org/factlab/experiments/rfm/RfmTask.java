package org.factlab.experiments.rfm;

import java.util.Map;

/** What a Recursive Feature Machine kind adds to the shared loop: its data and its own measurements. */
public interface RfmTask {

    double[][] trainX();

    double[][] trainY();

    double[][] testX();

    double[][] testY();

    /** Fraction of rows whose prediction is right. */
    double accuracy(double[][] predictions, double[][] targets);

    /** Adds the task's own series of one step, from the test predictions and M_t. */
    void addSeries(double[][] testPredictions, double[][] m, Map<String, Double> values);
}
