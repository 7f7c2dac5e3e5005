package org.factlab.kernels;

import org.factlab.math.PsdMatrices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix roots of the RFM updates, on d×d float64 arrays. PSD powers come from a symmetric
 * eigendecomposition with negative round-off eigenvalues clipped to 0; the symmetrised roots of FACT from
 * an SVD of F (or F M), never from an eigendecomposition of the squared product (App. E).
 */
final class MatrixRoots {

    private MatrixRoots() {
    }

    /** Aˢ of the symmetric part of A with negative eigenvalues clipped ({@link PsdMatrices#power(INDArray, double)}). */
    static INDArray psdPower(INDArray a, double s) {
        return PsdMatrices.power(a, s);
    }

    /** (A Aᵀ)^{p/2} from the SVD of A ({@link PsdMatrices#leftPolarPower}). */
    static INDArray leftPolarPower(INDArray a, double p) {
        return PsdMatrices.leftPolarPower(a, p);
    }

    /**
     * The diagonal of a root, Diag(R) with R = {@link #psdPower} or {@link #leftPolarPower}: diagonal-only M takes
     * the diagonal of the full update's root (not the root of its diagonal), for NFA and FACT alike.
     */
    static INDArray diagonalOf(INDArray root) {
        return Nd4j.diag(SquareMatrices.diagonal(root.dup('c'))).castTo(DataType.DOUBLE);
    }
}
