package org.factlab.math;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The LAPACK decompositions and solves the lab uses, as {@link NativeLinearAlgebra} calls them. The gateway's
 * public methods run whichever implementation is installed ({@link NativeLinearAlgebra#LAPACK}, OpenBLAS, unless a
 * fault-injection test installs another with {@link NativeLinearAlgebra#use}) and check each decomposition's result
 * ({@link DecompositionCheck}). Arguments and results are as documented on {@link NativeLinearAlgebra}.
 */
public interface Decompositions {

    /**
     * @param symmetric n×n float64, column-major; modified: overwritten by the eigenvectors
     * @return {eigenvalues (ascending), eigenvectors (columns, column-major: the modified argument)}
     */
    INDArray[] symmetricEigen(INDArray symmetric);

    /**
     * @param matrix m×n float64, column-major; modified: destroyed
     * @return {U (m×k), σ (k, descending), Vᵀ (k×n)}, column-major, k = min(m, n)
     */
    INDArray[] svd(INDArray matrix);

    /** Cholesky solve, as {@link NativeLinearAlgebra#choleskySolve}. */
    int choleskySolve(INDArray a, INDArray b);

    /** Pivoted LDLᵀ solve, as {@link NativeLinearAlgebra#symmetricIndefiniteSolve}. */
    int symmetricIndefiniteSolve(INDArray a, INDArray b);
}
