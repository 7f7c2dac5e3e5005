package org.factlab.math;

/**
 * Native linear algebra returned a result that does not satisfy its defining equation (a decomposition that does not
 * reconstruct its matrix, a solve whose residual is far above round-off): the BLAS/LAPACK kernels in use compute
 * wrong numbers on this CPU. A run that meets it ends {@code FAILED} with this message, never {@code SUCCEEDED}
 * with the numbers; no caller may treat it as a property of the data.
 */
public final class WrongArithmeticException extends RuntimeException {

    private final String operation;

    /**
     * @param operation the LAPACK routine or operation, e.g. {@code dsyevd}
     * @param detail    what was measured against what bound
     */
    public WrongArithmeticException(String operation, String detail) {
        super(operation + " returned a wrong result on this CPU's BLAS kernels (" + detail + "). The numbers of this "
                + "run would be wrong, so it was stopped; see System → Native linear algebra, and try setting "
                + "OPENBLAS_CORETYPE=Haswell in the server's environment");
        this.operation = operation;
    }

    /** The LAPACK routine or operation that failed its check, e.g. {@code dsyevd}. */
    public String operation() {
        return operation;
    }
}
