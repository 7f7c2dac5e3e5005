package org.factlab.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.factlab.choice.Choice;

/**
 * Modular arithmetic (§4.3, Figure 6; Mallinar et al. [29]): every pair (a, b) ∈ ℤ_p² (b ≠ 0 for
 * division) labelled (a ∘ b) mod p, encoded as x = (e_a, e_b) ∈ ℝ^{2p} (two one-hots) with a one-hot
 * target e_{a∘b} ∈ ℝ^p, split into train and test by a seeded shuffle.
 *
 * @param trainX      inputs of the training pairs (one row each, 2p columns)
 * @param trainY      one-hot targets (p columns)
 * @param trainLabels (a ∘ b) mod p of the training pairs
 * @param testX       inputs of the test pairs
 * @param testY       one-hot targets of the test pairs
 * @param testLabels  (a ∘ b) mod p of the test pairs
 */
public record ModularArithmeticData(
        double[][] trainX, double[][] trainY, int[] trainLabels, double[][] testX, double[][] testY, int[] testLabels)
        implements TrainTestSplit {

    /** The binary operation ∘ on ℤ_p. */
    public enum Operation implements Choice {
        ADD,
        SUB,
        MUL,
        DIV;

        /** (a ∘ b) mod p; division is a·b^{p−2} (Fermat), defined for prime p and b ≠ 0. */
        public int apply(int a, int b, int p) {
            return switch (this) {
                case ADD -> (a + b) % p;
                case SUB -> Math.floorMod(a - b, p);
                case MUL -> (int) ((long) a * b % p);
                case DIV -> (int) ((long) a * power(b, p - 2, p) % p);
            };
        }
    }

    /**
     * All pairs, shuffled with the seed; the first round(trainFraction · N) train (at least one in each part).
     */
    public static ModularArithmeticData generate(int p, Operation operation, double trainFraction, long seed) {
        if (p < 2 || (operation == Operation.DIV && !isPrime(p)) || !(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("needs p ≥ 2 (prime for div) and 0 < trainFraction < 1, got p = " + p
                    + ", " + operation.id() + ", trainFraction = " + trainFraction);
        }
        int firstB = operation == Operation.DIV ? 1 : 0;
        int count = pairCount(p, operation);
        int[][] pairs = new int[count][];
        int next = 0;
        for (int a = 0; a < p; a++) {
            for (int b = firstB; b < p; b++) {
                pairs[next++] = new int[] {a, b};
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = pairs[i];
            pairs[i] = pairs[j];
            pairs[j] = swap;
        }
        int train = trainSize(count, trainFraction);
        int[][] trainPairs = Arrays.copyOfRange(pairs, 0, train);
        int[][] testPairs = Arrays.copyOfRange(pairs, train, count);
        int[] trainLabels = labels(trainPairs, operation, p);
        int[] testLabels = labels(testPairs, operation, p);
        return new ModularArithmeticData(
                inputs(trainPairs, p),
                oneHot(trainLabels, p),
                trainLabels,
                inputs(testPairs, p),
                oneHot(testLabels, p),
                testLabels);
    }

    /** Number of (a, b) pairs: p², or p(p − 1) for division (b ≠ 0). */
    public static int pairCount(int p, Operation operation) {
        return operation == Operation.DIV ? p * (p - 1) : p * p;
    }

    /** Training pairs of a split: round(trainFraction · pairs), leaving at least one pair on each side. */
    public static int trainSize(int pairs, double trainFraction) {
        return (int) Math.min(pairs - 1, Math.max(1, Math.round(trainFraction * pairs)));
    }

    public static boolean isPrime(int p) {
        if (p < 2) {
            return false;
        }
        for (int q = 2; (long) q * q <= p; q++) {
            if (p % q == 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] labels(int[][] pairs, Operation operation, int p) {
        return Arrays.stream(pairs)
                .mapToInt(ab -> operation.apply(ab[0], ab[1], p))
                .toArray();
    }

    private static double[][] inputs(int[][] pairs, int p) {
        double[][] out = new double[pairs.length][2 * p];
        for (int i = 0; i < pairs.length; i++) {
            out[i][pairs[i][0]] = 1;
            out[i][p + pairs[i][1]] = 1;
        }
        return out;
    }

    private static double[][] oneHot(int[] labels, int p) {
        double[][] out = new double[labels.length][p];
        for (int i = 0; i < labels.length; i++) {
            out[i][labels[i]] = 1;
        }
        return out;
    }

    private static long power(long base, int exponent, int p) {
        long result = 1;
        long b = base % p;
        for (int e = exponent; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result * b % p;
            }
            b = b * b % p;
        }
        return result;
    }
}
