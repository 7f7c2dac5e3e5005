package org.factlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Training subsets, feature standardisation and one-hot targets for labelled data. */
public final class Subsets {

    private Subsets() {}

    /**
     * n examples, stratified by class (class proportions kept, largest-remainder rounding), seeded, deterministic.
     * Class c gets ⌊n·N_c/N⌋ examples, and the n − Σ⌊·⌋ left over go one each to the classes with the largest
     * remainders n·N_c mod N (ties to the lower class). Within a class the examples are a uniform draw from the
     * seed; the result keeps the order they have in {@code all}.
     */
    public static LabeledData stratified(LabeledData all, int n, long seed) {
        return rows(all, stratifiedIndices(all.labels(), all.classes(), n, seed));
    }

    /**
     * The rows {@link #stratified} keeps, ascending, from the labels alone (so that a reader can convert just those
     * rows of a large file).
     */
    public static int[] stratifiedIndices(int[] labels, int classes, int n, long seed) {
        if (n < 1 || n > labels.length) {
            throw new IllegalArgumentException("subset size n must be in 1.." + labels.length + "; got " + n);
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[] quotas = quotas(counts, n, labels.length);
        SplittableRandom random = new SplittableRandom(seed);
        int[][] members = membersByClass(labels, counts);
        int[] chosen = new int[n];
        int filled = 0;
        for (int c = 0; c < classes; c++) {
            int[] pool = members[c];
            for (int k = 0; k < quotas[c]; k++) {
                int j = k + random.nextInt(pool.length - k);
                int swap = pool[k];
                pool[k] = pool[j];
                pool[j] = swap;
                chosen[filled++] = pool[k];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Per-feature standardisation with mean/std from `fitOn` (train) applied to `data` (std 0 → leave centred). */
    public static LabeledData standardised(LabeledData data, LabeledData fitOn) {
        int d = data.d();
        if (fitOn.d() != d) {
            throw new IllegalArgumentException(
                    "standardisation fitted on d = " + fitOn.d() + " features cannot apply to data with d = " + d);
        }
        double[] mean = new double[d];
        double[] sumSquares = new double[d];
        float[] fit = fitOn.features();
        for (int i = 0; i < fitOn.n(); i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += fit[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= fitOn.n();
        }
        for (int i = 0; i < fitOn.n(); i++) {
            for (int j = 0; j < d; j++) {
                double centred = fit[i * d + j] - mean[j];
                sumSquares[j] += centred * centred;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(sumSquares[j] / fitOn.n());
            scale[j] = std > 0 ? 1 / std : 1;
        }
        float[] in = data.features();
        float[] out = new float[in.length];
        for (int i = 0; i < data.n(); i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) ((in[i * d + j] - mean[j]) * scale[j]);
            }
        }
        return new LabeledData(out, data.labels().clone(), data.n(), d, data.classes());
    }

    /** n×classes row-major: row i has a 1 in column labels[i] and 0 elsewhere. */
    public static float[] oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be ≥ 1; got " + classes);
        }
        LabeledData.checkLabels(labels, classes);
        float[] out = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            out[i * classes + labels[i]] = 1f;
        }
        return out;
    }

    /** Largest-remainder apportionment of n among classes with counts summing to total. */
    static int[] quotas(int[] counts, int n, int total) {
        int[] quotas = new int[counts.length];
        long[] remainders = new long[counts.length];
        int assigned = 0;
        for (int c = 0; c < counts.length; c++) {
            long share = (long) n * counts[c];
            quotas[c] = (int) (share / total);
            remainders[c] = share % total;
            assigned += quotas[c];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            byRemainder.add(c);
        }
        byRemainder.sort(Comparator.comparingLong((Integer c) -> -remainders[c]).thenComparingInt(c -> c));
        for (int k = 0; k < n - assigned; k++) {
            quotas[byRemainder.get(k)]++;
        }
        return quotas;
    }

    private static int[][] membersByClass(int[] labels, int[] counts) {
        int[][] members = new int[counts.length][];
        for (int c = 0; c < members.length; c++) {
            members[c] = new int[counts[c]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            members[c][filled[c]++] = i;
        }
        return members;
    }

    private static LabeledData rows(LabeledData all, int[] indices) {
        int d = all.d();
        float[] features = new float[indices.length * d];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(all.features(), indices[k] * d, features, k * d, d);
            labels[k] = all.labels()[indices[k]];
        }
        return new LabeledData(features, labels, indices.length, d, all.classes());
    }
}
