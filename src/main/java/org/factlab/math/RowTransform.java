package org.factlab.math;

/**
 * What is done, in Java, with a row segment of a row-major matrix ({@link NativeLinearAlgebra#transformRows},
 * {@link SymmetricStorage#upperProductByRows}): its entries as float64, and a second matrix's entries at the same
 * places to be filled alongside (e.g. a kernel's κ next to K).
 */
@FunctionalInterface
public interface RowTransform {
    /**
     * @param i the row
     * @param from the segment's first column
     * @param values the entries of columns from … from + width − 1; modified: replaced by the first matrix's new
     *               entries
     * @param second modified: the second matrix's entries at the same places (length 0 without a second matrix)
     */
    void row(int i, int from, double[] values, double[] second, int width);
}
