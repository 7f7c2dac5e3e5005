package org.factlab.math;

/**
 * One measurement of the native self-check ({@link KnownAnswers}).
 *
 * @param operation the routine, e.g. {@code dsyevd}, {@code sgemm}
 * @param n         the matrix size
 * @param measure   what was measured, e.g. "‖A − VΛVᵀ‖/‖A‖" or "vs Java reference"
 * @param value     the measured relative error (NaN or +∞ when the result was not finite)
 * @param bound     the largest value that passes
 * @param error     null, or the exception the operation threw
 */
public record KnownAnswer(String operation, int n, String measure, double value, double bound, String error) {

    public boolean passed() {
        return error == null && value <= bound;
    }

    /** e.g. {@code dsyevd n=300: ‖A − VΛVᵀ‖/‖A‖ = 3.1e+57 > 1.0e-11}. */
    public String describe() {
        String head = operation + " n=" + n + ": ";
        return error != null
                ? head + error
                : head + measure + " = " + String.format("%.2g", value) + (passed() ? " ≤ " : " > ")
                        + String.format("%.2g", bound);
    }
}
