package org.factlab.data;

/** A dataset split into training and test rows: inputs X (n × d) and targets Y (n × c). */
public interface TrainTestSplit {

    double[][] trainX();

    double[][] trainY();

    double[][] testX();

    double[][] testY();
}
