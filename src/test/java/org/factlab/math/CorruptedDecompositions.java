package org.factlab.math;

import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fake gateway for fault-injection tests: OpenBLAS's results with one entry of the eigenvectors (dsyevd), of U
 * (dgesdd) or of the solution (the solves) changed, as broken kernels would. Install with {@link #install}, which
 * returns what to put back.
 */
public final class CorruptedDecompositions implements Decompositions {

    /** What can be corrupted. */
    public enum Routine {
        EIGEN,
        SVD,
        SOLVES
    }

    private final Set<Routine> corrupted;

    private CorruptedDecompositions(Set<Routine> corrupted) {
        this.corrupted = corrupted;
    }

    /** Corrupts the given routines, every other result is OpenBLAS's own; returns the implementation to put back. */
    public static Decompositions install(Routine... routines) {
        return NativeLinearAlgebra.use(new CorruptedDecompositions(Set.of(routines)));
    }

    @Override
    public INDArray[] symmetricEigen(INDArray symmetric) {
        INDArray[] out = NativeLinearAlgebra.LAPACK.symmetricEigen(symmetric);
        if (corrupted.contains(Routine.EIGEN)) {
            corrupt(out[1]);
        }
        return out;
    }

    @Override
    public INDArray[] svd(INDArray matrix) {
        INDArray[] out = NativeLinearAlgebra.LAPACK.svd(matrix);
        if (corrupted.contains(Routine.SVD)) {
            corrupt(out[0]);
        }
        return out;
    }

    @Override
    public int choleskySolve(INDArray a, INDArray b) {
        int info = NativeLinearAlgebra.LAPACK.choleskySolve(a, b);
        if (corrupted.contains(Routine.SOLVES)) {
            corrupt(b);
        }
        return info;
    }

    @Override
    public int symmetricIndefiniteSolve(INDArray a, INDArray b) {
        int info = NativeLinearAlgebra.LAPACK.symmetricIndefiniteSolve(a, b);
        if (corrupted.contains(Routine.SOLVES)) {
            corrupt(b);
        }
        return info;
    }

    /** @param a modified: its last entry moved by 1 + its magnitude */
    private static void corrupt(INDArray a) {
        long last = a.length() - 1;
        double v = a.getDouble(last);
        a.putScalar(last, v + 1 + Math.abs(v));
    }
}
