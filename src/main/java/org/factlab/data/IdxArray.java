package org.factlab.data;

/**
 * The content of an IDX file of unsigned bytes.
 *
 * @param dims   the dimensions from the header (e.g. count, rows, columns)
 * @param values the product of {@code dims} unsigned bytes in row-major order
 */
public record IdxArray(int[] dims, byte[] values) {

    /** Unsigned value at flat position i. */
    public int unsigned(int i) {
        return values[i] & 0xFF;
    }
}
