package org.factlab.experiments.tabular;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.factlab.data.tabular.Standardizer;
import org.factlab.data.tabular.StratifiedSplits;
import org.factlab.data.tabular.Table;
import org.factlab.experiments.rfm.RfmSettings;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelMachineException;
import org.factlab.kernels.RecursiveFeatureMachine;

/**
 * {@code protocol = benchmark}: the procedure of the RFM paper's tabular benchmark (Radhakrishnan et al., Science
 * 2024, on the datasets and splits of Fernández-Delgado et al., JMLR 2014), with the splits drawn from the seed.
 * Once per dataset: a stratified selection split of all rows into halves (training, validation); on it every
 * reg × row L2-normalisation × iteration t = 0…T of Algorithm 1 is fitted on the training half and scored on the
 * validation half, in the reference code's loop order (the regs in the given order, then normalisation on before
 * off, then t ascending; {@code main.py} and {@code hyperparam_train} of aradha/recursive_feature_machines), and
 * the first strictly better fit is kept together with its M_t: a tie keeps the earlier one. The reference's
 * {@code max_iter = 5} scores M_0…M_4, so T = 4 there. Then k-fold cross-validation on fixed stratified folds refits
 * only α with that reg, normalisation and M on k − 1 folds and tests on the remaining one. Features are preprocessed
 * with the selection training half's statistics for every fit, so that M means the same thing everywhere. Unlike
 * {@code nested}, the rows that choose M and the hyper-parameters are also test rows of the folds: the reported
 * accuracy is the benchmark's, not an unbiased estimate.
 *
 * @param selectionValidation for every row of the table, 1 when it is in the selection split's validation half
 * @param fold                for every row, its cross-validation fold (0-based)
 */
record BenchmarkProtocol(Table table, double[][] features, int[] selectionValidation, int[] fold, int k) {

    /** The choice on the selection split, and the M it goes with. */
    record Choice(double reg, boolean rowNormalized, int iterations, double validationAccuracy, double[][] m) {}

    /** Draws the selection split (seed) and the k folds (seed + 1), stratified, and preprocesses the features. */
    static BenchmarkProtocol of(Table table, int k, long seed, boolean standardize) {
        int[] validationHalf = StratifiedSplits.folds(table.labels(), 2, seed)[1];
        int[] selectionValidation = new int[table.rows()];
        Arrays.stream(validationHalf).forEach(i -> selectionValidation[i] = 1);
        int[] fold = new int[table.rows()];
        int[][] parts = StratifiedSplits.folds(table.labels(), k, seed + 1);
        for (int f = 0; f < k; f++) {
            for (int i : parts[f]) {
                fold[i] = f;
            }
        }
        Table train = table.subset(StratifiedSplits.complement(table.rows(), validationHalf));
        if (train.rows() < 2
                || validationHalf.length < 1
                || Arrays.stream(parts).anyMatch(p -> p.length < 1)) {
            throw new IllegalArgumentException(
                    table.rows() + " rows: too few for a selection split and " + k + " folds");
        }
        double[][] features = Standardizer.fit(train.features(), standardize).apply(table.features());
        return new BenchmarkProtocol(table, features, selectionValidation, fold, k);
    }

    /**
     * The hyper-parameters and M chosen on the selection split.
     *
     * @param candidates one method's settings, one per ridge value ({@link TabularSpec#candidates})
     * @return the choice, or null when {@code cancelled} became true
     * @throws KernelMachineException when no fit succeeded
     */
    Choice select(List<RfmSettings> candidates, BooleanSupplier cancelled) {
        int[] train = rows(selectionValidation, 0);
        int[] validation = rows(selectionValidation, 1);
        Choice best = null;
        String failure = null;
        for (RfmSettings candidate : candidates) {
            double reg = candidate.reg();
            int last = candidate.method() == FeatureUpdate.KERNEL ? 0 : candidate.iterations();
            for (boolean rowNormalized : new boolean[] {true, false}) {
                double[][] trainX = inputs(train, rowNormalized);
                double[][] validationX = inputs(validation, rowNormalized);
                try (RecursiveFeatureMachine rfm =
                        new RecursiveFeatureMachine(trainX, targets(train), candidate.options())) {
                    for (int t = 0; t <= last; t++) {
                        if (cancelled.getAsBoolean()) {
                            return null;
                        }
                        rfm.fit();
                        double accuracy = Fold.accuracy(rfm.predict(validationX), labels(validation));
                        if (best == null || accuracy > best.validationAccuracy()) {
                            best = new Choice(reg, rowNormalized, t, accuracy, rfm.featureMatrix());
                        }
                        if (t < last) {
                            rfm.update(rfm.featuresForUpdate());
                        }
                    }
                } catch (KernelMachineException e) {
                    failure = "reg = " + reg + (rowNormalized ? ", rows normalised" : "") + ": " + e.getMessage();
                }
            }
        }
        if (best == null) {
            throw new KernelMachineException(failure);
        }
        return best;
    }

    /**
     * Test accuracy of fold f: α refitted on the other folds with the chosen reg, normalisation and M.
     *
     * @param refit the kernel machine of the refit: plain kernel regression (no update) with the chosen reg
     *              ({@link TabularSpec#rfm} of {@link FeatureUpdate#KERNEL})
     */
    double foldAccuracy(Choice choice, int f, RfmSettings refit) {
        int[] test = rows(fold, f);
        int[] train = Arrays.stream(rows(fold, -1)).filter(i -> fold[i] != f).toArray();
        try (RecursiveFeatureMachine rfm =
                new RecursiveFeatureMachine(inputs(train, choice.rowNormalized()), targets(train), refit.options())) {
            rfm.useFeatureMatrix(choice.m());
            rfm.fit();
            return Fold.accuracy(rfm.predict(inputs(test, choice.rowNormalized())), labels(test));
        }
    }

    /** Test rows' share of the most frequent class among the training rows, averaged over the folds. */
    double majorityAccuracy() {
        double sum = 0;
        for (int f = 0; f < k; f++) {
            int held = f;
            int[] counts = new int[table.classCount()];
            Arrays.stream(rows(fold, -1)).filter(i -> fold[i] != held).forEach(i -> counts[table.labels()[i]]++);
            int majority = 0;
            for (int c = 1; c < counts.length; c++) {
                majority = counts[c] > counts[majority] ? c : majority;
            }
            int mostFrequent = majority;
            int[] test = rows(fold, f);
            sum += Arrays.stream(test)
                            .filter(i -> table.labels()[i] == mostFrequent)
                            .count()
                    / (double) test.length;
        }
        return sum / k;
    }

    /**
     * The split as recorded with the run: a 2×rows matrix, row 0 = 1 for the selection validation half (0 for its
     * training half), row 1 = the cross-validation fold (0-based), columns in the table's row order.
     */
    float[] splitMatrix() {
        float[] out = new float[2 * table.rows()];
        for (int i = 0; i < table.rows(); i++) {
            out[i] = selectionValidation[i];
            out[table.rows() + i] = fold[i];
        }
        return out;
    }

    /** Indices i with {@code assignment[i] == value}; every index for value −1. */
    private static int[] rows(int[] assignment, int value) {
        return java.util.stream.IntStream.range(0, assignment.length)
                .filter(i -> value < 0 || assignment[i] == value)
                .toArray();
    }

    /** The preprocessed features of {@code rows}, each scaled to unit L2 norm when {@code rowNormalized}. */
    private double[][] inputs(int[] rows, boolean rowNormalized) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            double[] x = features[rows[r]];
            double norm =
                    rowNormalized ? Math.sqrt(Arrays.stream(x).map(v -> v * v).sum()) : 0;
            out[r] = norm > 0 ? Arrays.stream(x).map(v -> v / norm).toArray() : x.clone();
        }
        return out;
    }

    private double[][] targets(int[] rows) {
        double[][] y = new double[rows.length][table.classCount()];
        for (int r = 0; r < rows.length; r++) {
            y[r][table.labels()[rows[r]]] = 1;
        }
        return y;
    }

    private int[] labels(int[] rows) {
        return Arrays.stream(rows).map(i -> table.labels()[i]).toArray();
    }
}
