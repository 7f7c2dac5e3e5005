package org.factlab.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factlab.math.NativeLinearAlgebra;
import org.factlab.math.Products;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Which squared Mahalanobis distances of {@link MahalanobisKernel}'s expansion xᵀMx + zᵀMz − 2xᵀMz are exactly 0
 * (docs/science.md, "Zero distances"). Two rules, in both precisions:
 * <ol>
 *   <li>rows that are exactly equal (x = z entry by entry) are at distance 0, found by hashing the rows;</li>
 *   <li>a squared distance with |d²| ≤ {@value #ZERO_ULPS}·ε·(|x|ᵀ|M||x| + |z|ᵀ|M||z| + 2|x|ᵀ|M||z|) is round-off
 *   of 0, ε the machine epsilon of the precision: the bound is the size of the three terms the expansion adds,
 *   not of their values, so it holds when M is nearly rank one and xᵀMx ≪ |x|ᵀ|M||x| (what RFM learns on low-rank
 *   tasks).</li>
 * </ol>
 * |x|ᵀ|M||z| is computed only for the pairs that pass the cheaper bound |x|ᵀ|M||z| ≤ ‖|M||x|‖₂‖z‖₂
 * (Cauchy–Schwarz); the extra memory is O((n + m)·d), no second n×m matrix.
 */
final class ZeroDistances {

    /** Squared distances up to this many ε times the size of the expansion's terms are round-off of a zero distance. */
    static final double ZERO_ULPS = 64;

    private ZeroDistances() {}

    /**
     * Sets to exactly 0 the entries of {@code out} (holding scale·‖xᵢ − zⱼ‖²_M) whose distance is 0 by the rules
     * above.
     *
     * @param x not modified
     * @param z not modified
     * @param m not modified
     * @param out modified: zero distances set to exactly 0
     */
    static void apply(INDArray x, INDArray z, INDArray m, double scale, boolean sameSet, INDArray out) {
        Rule rule = rule(x, z, m, scale, sameSet, out.dataType());
        int columns = Math.toIntExact(out.columns());
        double[] values = new double[columns];
        if (out.dataType() == DataType.FLOAT) {
            float[] floats = new float[columns];
            NativeLinearAlgebra.editFloatRows(out, (i, row) -> {
                row.get(0, floats);
                for (int j = 0; j < columns; j++) {
                    values[j] = floats[j];
                }
                if (rule.apply(i, 0, values, columns)) {
                    for (int j = 0; j < columns; j++) {
                        floats[j] = (float) values[j];
                    }
                    row.put(0, floats);
                }
            });
        } else {
            NativeLinearAlgebra.editRows(out, (i, row) -> {
                row.get(0, values);
                if (rule.apply(i, 0, values, columns)) {
                    row.put(0, values);
                }
            });
        }
    }

    /**
     * The rules for the rows of X against those of Z, in the precision of {@code type}.
     *
     * @param x not modified
     * @param z not modified
     * @param m not modified
     */
    static Rule rule(INDArray x, INDArray z, INDArray m, double scale, boolean sameSet, DataType type) {
        INDArray absM = Transforms.abs(m, true);
        double[][] xRows = Rows.of(x);
        double[][] zRows = sameSet ? xRows : Rows.of(z);
        double[][] xWeighted = Rows.of(Products.times(Transforms.abs(x, true), absM));
        double[] a = magnitudes(xWeighted, xRows);
        double[] b = sameSet ? a : magnitudes(Rows.of(Products.times(Transforms.abs(z, true), absM)), zRows);
        double[] weightedNorms =
                Arrays.stream(xWeighted).mapToDouble(ZeroDistances::norm).toArray();
        double[] zNorms = Arrays.stream(zRows).mapToDouble(ZeroDistances::norm).toArray();
        double tolerance = ZERO_ULPS * MahalanobisKernel.machineEpsilon(type) * Math.abs(scale);
        return new Rule(xRows, zRows, xWeighted, a, b, weightedNorms, zNorms, tolerance, index(zRows));
    }

    /**
     * Which entries of a row of scale·‖xᵢ − zⱼ‖²_M are zero distances (see the class comment), from the rows'
     * magnitudes and the index of Z's distinct rows.
     */
    record Rule(
            double[][] xRows,
            double[][] zRows,
            double[][] xWeighted,
            double[] a,
            double[] b,
            double[] weightedNorms,
            double[] zNorms,
            double tolerance,
            Map<Row, List<Integer>> zIndex) {

        /**
         * Sets to 0 the zero distances of row i among columns from … from + width − 1.
         *
         * @param values the row's entries of those columns (index j − from); modified: zero distances set to 0
         * @return whether an entry was set
         */
        boolean apply(int i, int from, double[] values, int width) {
            boolean changed = false;
            for (int q = 0; q < width; q++) {
                int j = from + q;
                double value = Math.abs(values[q]);
                if (value != 0
                        && value <= tolerance * (a[i] + b[j] + 2 * weightedNorms[i] * zNorms[j])
                        && value <= tolerance * (a[i] + b[j] + 2 * dotAbs(xWeighted[i], zRows[j]))) {
                    values[q] = 0;
                    changed = true;
                }
            }
            for (int j : zIndex.getOrDefault(Row.of(xRows[i]), List.of())) {
                if (j >= from && j < from + width && values[j - from] != 0) {
                    values[j - from] = 0;
                    changed = true;
                }
            }
            return changed;
        }
    }

    /**
     * A row's values as a hash key, compared entry by entry; −0 and +0 count as equal (v + 0.0 maps −0 to +0).
     *
     * @param values a normalised copy
     * @param hash   {@link #hash(double[])} of the values
     */
    record Row(double[] values, int hash) {
        static Row of(double[] raw) {
            double[] values = Arrays.stream(raw).map(v -> v + 0.0).toArray();
            return new Row(values, ZeroDistances.hash(values));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A hash that mixes every bit of every entry. {@code Arrays.hashCode} does not do for the lab's data: on rows of
     * ±1 (sparse parity) each entry's sign bit lands on bit 31 of the sum whatever its position, so all rows share
     * one of two hash codes and the index degrades to a list (n² comparisons).
     */
    static int hash(double[] values) {
        long h = 0x9E3779B97F4A7C15L;
        for (double v : values) {
            h ^= Double.doubleToLongBits(v);
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** The row indices of each distinct row. */
    private static Map<Row, List<Integer>> index(double[][] rows) {
        Map<Row, List<Integer>> index = new HashMap<>();
        for (int j = 0; j < rows.length; j++) {
            index.computeIfAbsent(Row.of(rows[j]), r -> new ArrayList<>()).add(j);
        }
        return index;
    }

    /** |xᵢ|ᵀ|M||xᵢ| for every row, from the rows of |X||M| and of X. */
    private static double[] magnitudes(double[][] weighted, double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = dotAbs(weighted[i], rows[i]);
        }
        return out;
    }

    /** Σₖ uₖ|vₖ| for u ≥ 0. */
    private static double dotAbs(double[] u, double[] v) {
        double sum = 0;
        for (int k = 0; k < u.length; k++) {
            sum += u[k] * Math.abs(v[k]);
        }
        return sum;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double e : v) {
            sum += e * e;
        }
        return Math.sqrt(sum);
    }
}
