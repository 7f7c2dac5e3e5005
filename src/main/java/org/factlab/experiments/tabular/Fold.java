package org.factlab.experiments.tabular;

import java.util.Arrays;
import org.factlab.data.tabular.Standardizer;
import org.factlab.data.tabular.StratifiedSplits;
import org.factlab.data.tabular.Table;

/**
 * One fold of the protocol: training rows (features preprocessed with statistics of these rows only, classes
 * one-hot), validation rows (choose the hyper-parameters) and test rows (report), all class-stratified.
 */
record Fold(
        double[][] trainX,
        double[][] trainY,
        double[][] validationX,
        int[] validationLabels,
        double[][] testX,
        int[] testLabels,
        double majorityAccuracy) {

    /** The share of the non-test rows held out for validation: one of four stratified parts. */
    static final int VALIDATION_PARTS = 4;

    /**
     * The folds of {@code table}: k-fold cross-validation for k ≥ 2 (fold f tests on part f), or for k = 1 one
     * split that tests on one of four parts. In each, one quarter of the remaining rows validates.
     */
    static Fold[] of(Table table, int k, long seed, boolean standardize) {
        int[][] parts = StratifiedSplits.folds(table.labels(), k == 1 ? 4 : k, seed);
        Fold[] folds = new Fold[k];
        for (int f = 0; f < k; f++) {
            int[] rest = StratifiedSplits.complement(table.rows(), parts[f]);
            int[] restLabels = Arrays.stream(rest).map(i -> table.labels()[i]).toArray();
            int[] validationPart = StratifiedSplits.folds(restLabels, VALIDATION_PARTS, seed + 1 + f)[0];
            int[] validation = Arrays.stream(validationPart).map(i -> rest[i]).toArray();
            int[] train = StratifiedSplits.complement(table.rows(), parts[f], validation);
            folds[f] = of(table.subset(train), table.subset(validation), table.subset(parts[f]), standardize);
        }
        return folds;
    }

    private static Fold of(Table train, Table validation, Table test, boolean standardize) {
        if (train.rows() < 2 || validation.rows() < 1 || test.rows() < 1) {
            throw new IllegalArgumentException(train.rows() + " training, " + validation.rows() + " validation and "
                    + test.rows() + " test rows: too few rows for this many folds");
        }
        Standardizer s = Standardizer.fit(train.features(), standardize);
        int[] counts = new int[train.classCount()];
        Arrays.stream(train.labels()).forEach(y -> counts[y]++);
        int majority = 0;
        for (int c = 1; c < counts.length; c++) {
            majority = counts[c] > counts[majority] ? c : majority;
        }
        int mostFrequent = majority;
        double majorityAccuracy =
                Arrays.stream(test.labels()).filter(y -> y == mostFrequent).count() / (double) test.rows();
        return new Fold(
                s.apply(train.features()),
                oneHot(train.labels(), train.classCount()),
                s.apply(validation.features()),
                validation.labels(),
                s.apply(test.features()),
                test.labels(),
                majorityAccuracy);
    }

    private static double[][] oneHot(int[] labels, int classes) {
        double[][] y = new double[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            y[i][labels[i]] = 1;
        }
        return y;
    }

    /** Fraction of rows whose largest prediction is their class. */
    static double accuracy(double[][] predictions, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < predictions[i].length; c++) {
                best = predictions[i][c] > predictions[i][best] ? c : best;
            }
            right += best == labels[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }
}
