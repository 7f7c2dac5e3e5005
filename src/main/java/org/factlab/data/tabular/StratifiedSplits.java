package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Seeded, class-stratified partitions of row indices: each class's rows are shuffled and dealt in turn to the
 * folds (so every fold gets its share of every class, and fold sizes differ by at most one), and proportional
 * subsamples. Same labels and seed ⇒ same partition.
 */
public final class StratifiedSplits {

    private StratifiedSplits() {
    }

    /** k disjoint folds covering every index of {@code labels}, each sorted ascending. */
    public static int[][] folds(int[] labels, int k, long seed) {
        Random random = new Random(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> members : byClass(labels)) {
            Collections.shuffle(members, random);
            for (int row : members) {
                folds.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        return folds.stream().map(f -> f.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }

    /**
     * At most {@code max} indices with the class proportions of {@code labels} (each class's rows in a seeded
     * random order, interleaved by relative rank), sorted ascending; all indices when there are no more than max.
     */
    public static int[] subsample(int[] labels, int max, long seed) {
        if (labels.length <= max) {
            int[] all = new int[labels.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Random random = new Random(seed);
        double[] key = new double[labels.length];
        for (List<Integer> members : byClass(labels)) {
            Collections.shuffle(members, random);
            for (int rank = 0; rank < members.size(); rank++) {
                key[members.get(rank)] = (rank + random.nextDouble()) / members.size();
            }
        }
        Integer[] order = new Integer[labels.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> key[i]));
        return Arrays.stream(order, 0, max).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The indices not in {@code excluded} among 0 … n−1, ascending. */
    public static int[] complement(int n, int[]... excluded) {
        boolean[] out = new boolean[n];
        for (int[] part : excluded) {
            for (int i : part) {
                out[i] = true;
            }
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> !out[i]).toArray();
    }

    private static List<List<Integer>> byClass(int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            members.get(labels[i]).add(i);
        }
        return members;
    }
}
