package org.factlab.kernels;

import org.factlab.math.Products;
import org.factlab.math.PsdMatrices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Whether the RFM's feature matrices are formed whole (d×d) or only their diagonals (1×d row vectors). With
 * diagonal M ({@link RfmOptions#diagonal()}) only diag(AGOP) and diag(F) are computed, in O(nd) memory and time,
 * and the update's power acts on that diagonal, entry by entry: the RFM reference implementation
 * ({@code update_M} with {@code diag=True} in aradha/recursive_feature_machines) accumulates only diag(AGOP), and
 * FACT's stationarity with respect to a diagonal W gives M = Diag(F) (docs/science.md, "Diagonal M"). Every
 * operation here is the full one or its diagonal; M itself stays a d×d (diagonal) matrix.
 */
enum FeatureShape {
    FULL,
    DIAGONAL;

    static FeatureShape of(boolean diagonal) {
        return diagonal ? DIAGONAL : FULL;
    }

    /**
     * AᵀB (d×d), or its diagonal Σᵢ aᵢₖbᵢₖ (1×d), for n×d A and B.
     *
     * @param a not modified
     * @param b not modified
     */
    INDArray gram(INDArray a, INDArray b) {
        return this == FULL ? Products.transposeTimes(a, b) : a.mul(b).sum(true, 0);
    }

    /**
     * S + Sᵀ, or the diagonal 2·diag(S) from diag(S).
     *
     * @param s not modified
     */
    INDArray plusTranspose(INDArray s) {
        return this == FULL ? s.add(s.transpose()) : s.mul(2);
    }

    /**
     * Σ_c u_c u_cᵀ over the columns of a d×c U, or its diagonal Σ_c u_c² (1×d).
     *
     * @param u not modified
     */
    INDArray outerSum(INDArray u) {
        return this == FULL
                ? Products.timesTranspose(u, u)
                : u.mul(u).sum(true, 1).reshape(1, u.rows());
    }

    /**
     * M as the features are shaped: M itself, or its diagonal (1×d, float64).
     *
     * @param m a d×d float64 matrix, diagonal for {@link #DIAGONAL}; not modified
     */
    INDArray form(INDArray m) {
        return this == FULL ? m : SquareMatrices.diagonal(m.dup('c')).dup().reshape(1, m.rows());
    }

    /**
     * A·M, or diag(A)·diag(M) entry by entry (the product of diagonal matrices).
     *
     * @param a not modified
     * @param m not modified
     */
    INDArray times(INDArray a, INDArray m) {
        return this == FULL ? Products.times(a, m) : a.mul(form(m));
    }

    /**
     * M S M, or diag(M)² ∘ diag(S) (M diagonal).
     *
     * @param m not modified
     * @param s not modified
     */
    INDArray sandwich(INDArray m, INDArray s) {
        if (this == FULL) {
            return Products.times(Products.times(m, s), m);
        }
        INDArray diagonal = form(m);
        return s.mul(diagonal).muli(diagonal);
    }

    /**
     * Aˢ of a PSD matrix (eigenvalues at round-off level set to 0, {@link PsdMatrices#power(INDArray, double)}), or
     * of a diagonal: max(aₖ, 0)ˢ entry by entry.
     *
     * @param a not modified
     */
    INDArray power(INDArray a, double s) {
        return this == FULL ? PsdMatrices.power(a, s) : Transforms.pow(Transforms.max(a, 0.0, true), s, false);
    }

    /**
     * (A Aᵀ)^{p/2} from the SVD of A ({@link PsdMatrices#leftPolarPower}), or for a diagonal |aₖ|ᵖ entry by entry.
     *
     * @param a not modified
     */
    INDArray polarPower(INDArray a, double p) {
        return this == FULL ? PsdMatrices.leftPolarPower(a, p) : Transforms.pow(Transforms.abs(a, true), p, false);
    }

    /**
     * The d×d float64 matrix of a feature: itself, or the diagonal matrix of a 1×d diagonal.
     *
     * @param a not modified
     */
    INDArray matrix(INDArray a) {
        return this == FULL ? a : Nd4j.diag(a.castTo(DataType.DOUBLE).dup().reshape(a.length()));
    }
}
