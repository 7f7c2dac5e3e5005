package org.factlab.kernels;

import org.factlab.math.Products;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two feature matrices of a fitted kernel machine f(x) = Σⱼ K(x, xⱼ) αⱼ (A = α the n×c dual
 * coefficients), from the training data X (n×d), the gradient factors κ (∇ₓK(x, z) = −κ M (x − z),
 * symmetric on X × X) and M. Both are contractions of κ with X: GEMM-shaped, no n×c×d tensor; each has an
 * output-by-output form (from the {@link OutputContractions}, 2n²c(d + 1) flops, no n×n temporary) and an
 * n×n form, and uses the cheaper. Results are d×d float64, or with {@link FeatureShape#DIAGONAL} only their
 * diagonals (1×d): every Xᵀ B X becomes Σᵢ xᵢₖ (B X)ᵢₖ, no d×d product.
 */
final class KernelFeatures {

    private KernelFeatures() {}

    /**
     * True when the AGOP is cheaper through κκ (2n³ flops, a second n×n buffer) than output by output
     * (2n²·c·d): many outputs on few samples, as in modular arithmetic.
     */
    static boolean agopUsesKappaSquared(long n, long c, long d) {
        return n < c * d;
    }

    /**
     * True when F is cheaper output by output: c GEMMs of 2n²d flops against the n×n form's 2n²(c + d) flops
     * plus three memory passes over an n×n matrix; taken while c·d ≤ 4(c + d) (few outputs).
     */
    static boolean factOutputByOutput(long c, long d) {
        return c * d <= 4 * (c + d);
    }

    /**
     * Whether {@link #agop} or {@link #fact} (as requested) reads κ entry by entry, and so needs its whole matrix
     * ({@link GradientFactors#whole()}).
     */
    static boolean needsWholeMatrix(long n, long c, long d, boolean agop, boolean fact) {
        return (agop && agopUsesKappaSquared(n, c, d)) || (fact && !factOutputByOutput(c, d));
    }

    /** Whether {@link #agop} or {@link #fact} (as requested) needs the {@link OutputContractions}. */
    static boolean needsOutputContractions(long n, long c, long d, boolean agop, boolean fact) {
        return (agop && !agopUsesKappaSquared(n, c, d)) || (fact && factOutputByOutput(c, d));
    }

    /**
     * AGOP = (1/n) Σᵢ Σ_c ∇f_c(xᵢ) ∇f_c(xᵢ)ᵀ of the NFA-RFM update (§4.1). With S = κA,
     * ∇f_c(xᵢ) = −M hᵢc where h_c = diag(S_c) X − κ diag(α_c) X (n×d, row i is hᵢc). Output by output the
     * sum Σ_c h_cᵀ h_c is formed directly; in the n×n form it is
     * Xᵀ diag(‖Sᵢ‖²) X − (Xᵀ (κ ∘ S Aᵀ) X + transpose) + Xᵀ ((κκ) ∘ A Aᵀ) X, the last term being the
     * τ-weighted sum of Proposition 5.1. With {@code center}, each output's gradients are centred over the
     * samples (minus n h̄_c h̄_cᵀ). With {@link FeatureShape#DIAGONAL}, diag(AGOP) only (M diagonal). For an
     * inner-product kernel ∇f_c(xᵢ) = M Σⱼ κᵢⱼ αⱼc xⱼ: the self term diag(S_c) X is absent, h_c = −κ diag(α_c) X, and
     * only the τ-weighted term Xᵀ ((κκ) ∘ A Aᵀ) X remains (Proposition 5.1).
     *
     * @param products  the output contractions; needed only when not {@link #agopUsesKappaSquared}
     * @param workspace an n×n buffer, needed only when {@link #agopUsesKappaSquared}; modified: overwritten (scratch)
     * @param second    a second n×n buffer, needed only when {@link #agopUsesKappaSquared}; modified: overwritten
     *                  (scratch)
     * @param alpha not modified
     * @param x not modified
     * @param m not modified
     */
    static INDArray agop(
            GradientFactors kappa,
            INDArray alpha,
            INDArray x,
            INDArray m,
            boolean center,
            OutputContractions products,
            INDArray workspace,
            INDArray second,
            FeatureShape shape) {
        boolean radial = kappa.radial();
        long n = x.rows();
        long outputs = alpha.columns();
        INDArray sum;
        if (agopUsesKappaSquared(n, outputs, x.columns())) {
            INDArray k = kappa.whole().matrix();
            Nd4j.gemm(k, k, workspace, false, false, 1.0, 0.0);
            Nd4j.gemm(alpha, alpha, second, false, true, 1.0, 0.0);
            sum = shape.gram(x, Products.times(workspace.muli(second), x));
            INDArray s = Products.times(k, alpha);
            if (radial) {
                sum.addi(shape.gram(x, x.mulColumnVector(s.mul(s).sum(true, 1))));
                Nd4j.gemm(s, alpha, workspace, false, true, 1.0, 0.0);
                sum.subi(shape.plusTranspose(shape.gram(x, Products.times(workspace.muli(k), x))));
            }
            if (center) {
                INDArray notSelf = alpha.mulColumnVector(k.sum(true, 1));
                INDArray mean = Products.transposeTimes(x, radial ? s.subi(notSelf) : notSelf)
                        .divi(n);
                sum.subi(shape.outerSum(mean).muli(n));
            }
        } else {
            sum = Nd4j.zeros(x.dataType(), shape == FeatureShape.FULL ? x.columns() : 1, x.columns());
            for (long c = 0; c < outputs; c++) {
                INDArray h = radial
                        ? x.mulColumnVector(products.s().getColumn(c, true)).subi(products.t(c))
                        : products.t(c).dup();
                if (center) {
                    h.subiRowVector(h.mean(true, 0));
                }
                sum.addi(shape.gram(h, h));
            }
        }
        double scale = kappa.scale();
        return shape.sandwich(m, sum.castTo(DataType.DOUBLE)).muli(scale * scale / n);
    }

    /**
     * FACT of a kernel machine in the closed form of Lemma F.1,
     * F = Σᵢⱼ ∇ₓK(xᵢ, xⱼ) αⱼᵀαᵢ xᵢᵀ = −M Xᵀ (diag(C𝟙) − C) X with C = κ ∘ (A Aᵀ) (only the first kernel
     * argument is differentiated). Output by output, C = Σ_c diag(α_c) κ diag(α_c), so
     * (diag(C𝟙) − C) X = Σ_c diag(α_c ∘ κα_c) X − α_c ∘ κ(α_c ∘ X). With {@link FeatureShape#DIAGONAL}, diag(F)
     * only (M diagonal): diag(F)ₖ = −Mₖₖ Σᵢ xᵢₖ ((diag(C𝟙) − C) X)ᵢₖ. For an inner-product kernel
     * (∇ₓK(xᵢ, xⱼ) = κᵢⱼ M xⱼ) the self term diag(C𝟙) is absent: F = M Xᵀ C X, so F·M is Proposition 5.1's
     * Σᵢⱼ k′(xᵢᵀMxⱼ) M xᵢ αᵢᵀαⱼ xⱼᵀ M.
     *
     * @param products  the output contractions; needed only when {@link #factOutputByOutput}
     * @param workspace an n×n buffer, needed only when not {@link #factOutputByOutput}; modified: overwritten
     *                  (scratch)
     * @param alpha not modified
     * @param x not modified
     * @param m not modified
     */
    static INDArray fact(
            GradientFactors kappa,
            INDArray alpha,
            INDArray x,
            INDArray m,
            OutputContractions products,
            INDArray workspace,
            FeatureShape shape) {
        INDArray laplacianTimesX;
        if (factOutputByOutput(alpha.columns(), x.columns())) {
            laplacianTimesX =
                    kappa.radial() ? x.mulColumnVector(alpha.mul(products.s()).sum(true, 1)) : Nd4j.zerosLike(x);
            for (long c = 0; c < alpha.columns(); c++) {
                laplacianTimesX.subi(products.t(c).mulColumnVector(alpha.getColumn(c, true)));
            }
        } else {
            INDArray cMatrix = workspace;
            Nd4j.gemm(alpha, alpha, cMatrix, false, true, 1.0, 0.0);
            cMatrix.muli(kappa.whole().matrix());
            laplacianTimesX = kappa.radial()
                    ? x.mulColumnVector(cMatrix.sum(true, 1)).subi(Products.times(cMatrix, x))
                    : Products.times(cMatrix, x).negi();
        }
        INDArray inner = shape.gram(x, laplacianTimesX).castTo(DataType.DOUBLE);
        return shape == FeatureShape.FULL
                ? Products.times(m, inner).muli(-kappa.scale())
                : inner.muli(shape.form(m)).muli(-kappa.scale());
    }
}
