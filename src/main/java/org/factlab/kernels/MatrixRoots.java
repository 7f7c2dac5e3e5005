package org.factlab.kernels;

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

    /** Aˢ = V diag(max(λ, 0)ˢ) Vᵀ of the symmetric part of A (s &gt; 0). */
    static INDArray psdPower(INDArray a, double s) {
        INDArray symmetric = a.add(a.transpose()).muli(0.5);
        INDArray[] eigen = Lapack.symmetricEigen(symmetric);
        INDArray powers = Transforms.pow(Transforms.max(eigen[0], 0.0, false), s, false);
        INDArray v = eigen[1];
        return v.mulRowVector(powers.reshape(1, powers.length())).mmul(v.transpose()).dup('c');
    }

    /** (A Aᵀ)^{p/2} = U diag(σᵖ) Uᵀ from the SVD A = U diag(σ) Vᵀ. */
    static INDArray leftPolarPower(INDArray a, double p) {
        INDArray[] svd = Lapack.svd(a);
        INDArray u = svd[0];
        INDArray powers = Transforms.pow(svd[1], p, true);
        return u.mulRowVector(powers.reshape(1, powers.length())).mmul(u.transpose()).dup('c');
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
