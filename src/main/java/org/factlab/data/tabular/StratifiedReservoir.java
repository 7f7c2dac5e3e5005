package org.factlab.data.tabular;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, class-stratified uniform sample of rows taken while they stream past (reservoir sampling per class):
 * each class keeps a quota proportional to its count (largest remainders; at most {@code max} rows in all), and
 * holds no more than its quota at any time. Same counts, rows and seed ⇒ same sample. The kept rows come back in
 * their reading order.
 */
final class StratifiedReservoir {

    /** One kept row: its reading position, tokens and origin. */
    record Kept(long position, String[] tokens, String origin) {}

    private final Map<String, Integer> quota = new LinkedHashMap<>();
    private final Map<String, List<Kept>> kept = new LinkedHashMap<>();
    private final Map<String, Long> seen = new LinkedHashMap<>();
    private final Random random;

    /**
     * @param counts rows per class label (in a fixed order), from a first pass over the table
     * @param max    the most rows to keep; 0 = keep every row
     */
    StratifiedReservoir(Map<String, Long> counts, long max, long seed) {
        this.random = new Random(seed);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (max == 0 || total <= max) {
            counts.forEach((label, n) -> quota.put(label, Math.toIntExact(n)));
        } else {
            allocate(counts, total, max);
        }
    }

    /** The number of rows that will be kept. */
    static long keptRows(long total, long max) {
        return max == 0 ? total : Math.min(total, max);
    }

    /** Offers the next row in reading order; rows with labels not counted in the first pass are refused. */
    void offer(String label, long position, String[] tokens, String origin) {
        Integer q = quota.get(label);
        if (q == null) {
            throw new TableFormatException(origin, "the file changed while it was read");
        }
        long i = seen.merge(label, 1L, Long::sum) - 1;
        List<Kept> slots = kept.computeIfAbsent(label, k -> new ArrayList<>());
        if (i < q) {
            slots.add(new Kept(position, tokens, origin));
        } else {
            long j = (long) (random.nextDouble() * (i + 1));
            if (j < q) {
                slots.set((int) j, new Kept(position, tokens, origin));
            }
        }
    }

    /** The kept rows in reading order. */
    List<Kept> rows() {
        List<Kept> all = new ArrayList<>();
        kept.values().forEach(all::addAll);
        all.sort(Comparator.comparingLong(Kept::position));
        return all;
    }

    /** Quotas proportional to the counts, summing to {@code max}: floors, then the largest remainders. */
    private void allocate(Map<String, Long> counts, long total, long max) {
        List<String> labels = new ArrayList<>(counts.keySet());
        double[] remainder = new double[labels.size()];
        long given = 0;
        for (int k = 0; k < labels.size(); k++) {
            double exact = (double) counts.get(labels.get(k)) * max / total;
            int floor = (int) Math.floor(exact);
            quota.put(labels.get(k), floor);
            remainder[k] = exact - floor;
            given += floor;
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> -remainder[k]).thenComparing(k -> k));
        for (int r = 0; r < max - given; r++) {
            quota.merge(labels.get(order.get(r)), 1, Integer::sum);
        }
    }
}
