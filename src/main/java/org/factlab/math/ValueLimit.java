package org.factlab.math;

/**
 * The most numbers an uploaded file may hold (a table's n×d, a network's parameters), checked against what the file
 * declares before anything of that size is allocated. {@code setting} names where the limit comes from, so that a
 * refusal can say it.
 */
public record ValueLimit(long values, String setting) {

    /** No limit: for files that were checked when they were uploaded. */
    public static final ValueLimit NONE = new ValueLimit(Long.MAX_VALUE, "none");

    public ValueLimit {
        if (values < 1) {
            throw new IllegalArgumentException("a value limit must be at least 1");
        }
    }

    /**
     * The limit of a memory budget: as many float64 numbers as fit a quarter of the smaller of
     * {@code budgetBytes} ({@code factlab.memory-budget-bytes}) and the JVM's heap.
     */
    public static ValueLimit ofBudget(long budgetBytes, long heapBytes) {
        long bytes = Math.min(budgetBytes, heapBytes);
        return new ValueLimit(
                Math.max(1, bytes / 4 / Double.BYTES),
                "a quarter of factlab.memory-budget-bytes or of "
                        + "the server's heap (-Xmx), whichever is smaller, in float64 numbers");
    }

    /** Whether {@code count} numbers are within the limit. */
    public boolean allows(long count) {
        return count >= 0 && count <= values;
    }

    /** "allowed: at most N numbers (setting)", for a refusal. */
    public String allowed() {
        return "allowed: at most " + values + " numbers (" + setting + ")";
    }
}
