package org.factlab.kernels;

import org.factlab.math.DecompositionCheck;
import org.factlab.math.NativeLinearAlgebra;
import org.factlab.math.SymmetricStorage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Kernel ridge regression, Algorithm 1 line 4: α = (K + reg·I)⁻¹ Y with reg = nλ in the paper's notation
 * (reg = 0 interpolates). Cholesky first; when K + reg·I is not numerically positive definite (reg = 0 in
 * float32, duplicated points), the pivoted symmetric-indefinite factorization; when that finds an exact
 * zero pivot or produces non-finite coefficients, a {@link KernelMachineException}. A solution whose backward error
 * is far above round-off is a wrong library result, not a property of K: {@link
 * org.factlab.math.WrongArithmeticException}.
 */
public final class KernelRidge {

    /** Which factorization produced the last solution. */
    public enum Factorization {
        CHOLESKY,
        SYMMETRIC_INDEFINITE
    }

    private KernelRidge() {}

    /**
     * Solves into a new column-major n×c array.
     *
     * @param k         the symmetric kernel matrix, row-major; not modified (only its upper triangle is read)
     * @param workspace an n×n buffer of K's data type; modified: overwritten (scratch)
     * @param y not modified
     * @return the coefficients and the factorization that produced them
     */
    public static Solution solve(INDArray k, double reg, INDArray y, INDArray workspace) {
        INDArray alpha = y.castTo(k.dataType()).dup('f');
        if (NativeLinearAlgebra.choleskySolve(regularized(k, reg, workspace), alpha) == 0 && finite(alpha)) {
            DecompositionCheck.solve(k.dataType() == DataType.DOUBLE ? "dposv" : "sposv", k, reg, alpha, y);
            return new Solution(alpha, Factorization.CHOLESKY);
        }
        alpha.assign(y);
        int info = NativeLinearAlgebra.symmetricIndefiniteSolve(regularized(k, reg, workspace), alpha);
        if (info > 0) {
            throw new KernelMachineException("K + reg·I is singular (zero pivot " + info + " of " + k.rows()
                    + ", reg = " + reg + ", " + k.dataType() + "): use reg > 0, float64, or a different bandwidth");
        }
        if (!finite(alpha)) {
            throw new KernelMachineException("K + reg·I is numerically singular: the coefficients α are not finite "
                    + "(reg = " + reg + ", " + k.dataType() + ")");
        }
        DecompositionCheck.solve(k.dataType() == DataType.DOUBLE ? "dsysv" : "ssysv", k, reg, alpha, y);
        return new Solution(alpha, Factorization.SYMMETRIC_INDEFINITE);
    }

    /**
     * α and how it was computed.
     *
     * @param alpha n×c, column-major, a new array
     */
    public record Solution(INDArray alpha, Factorization factorization) {}

    /**
     * @param k not modified
     * @param workspace modified: its upper triangle (all the solvers read) overwritten with that of K + reg·I, and
     *                  returned
     */
    private static INDArray regularized(INDArray k, double reg, INDArray workspace) {
        SymmetricStorage.copyUpper(k, workspace);
        if (reg != 0) {
            SquareMatrices.diagonal(workspace).addi(reg);
        }
        return workspace;
    }

    /**
     * @param a not modified
     */
    private static boolean finite(INDArray a) {
        return !BooleanIndexing.or(a, Conditions.isNan()) && !BooleanIndexing.or(a, Conditions.isInfinite());
    }
}
