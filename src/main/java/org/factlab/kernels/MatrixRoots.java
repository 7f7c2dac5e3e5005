package org.factlab.kernels;

import org.factlab.math.PsdMatrices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    /** diag(max(Aₖₖ, 0)ˢ): the power of the diagonal part, for diagonal-only M. */
    static INDArray diagonalPower(INDArray a, double s) {
        INDArray diagonal = Transforms.max(SquareMatrices.diagonal(a.dup('c')), 0.0, true);
        return Nd4j.diag(Transforms.pow(diagonal, s, false)).castTo(DataType.DOUBLE);
    }

    /** diag((A Aᵀ)ₖₖ^{p/2}) = diag(‖row k of A‖ᵖ): the diagonal part of {@link #leftPolarPower}. */
    static INDArray diagonalLeftPolarPower(INDArray a, double p) {
        INDArray rowNorms = a.norm2(1);
        return Nd4j.diag(Transforms.pow(rowNorms, p, false)).castTo(DataType.DOUBLE);
    }
}
