package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded, class-stratified partitions of row indices: each class's rows are shuffled and dealt in turn to the
 * folds (so every fold gets its share of every class, and fold sizes differ by at most one). Same labels and seed ⇒
 * same partition. (Row caps are sampled while a table is read: {@link StratifiedReservoir}.)
 */
public final class StratifiedSplits {

    private StratifiedSplits() {}

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
        return folds.stream()
                .map(f -> f.stream().mapToInt(Integer::intValue).sorted().toArray())
                .toArray(int[][]::new);
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
