package org.factlab.nn.mlp;

import java.util.List;
import java.util.Set;
import org.factlab.math.FeatureMatrices;
import org.factlab.math.FeatureSet;
import org.factlab.math.NativeLinearAlgebra;
import org.factlab.math.Prediction;
import org.factlab.math.Products;
import org.factlab.math.ScratchWorkspaces;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link MlpProbe} measured: the loss L = (1/n) Σᵢ ℓᵢ, the argmax accuracy, and per layer the sums
 * from which {@link #layer} builds the feature matrices (float64) on demand, one layer at a time. A convolution
 * (the {@code nn.cnn} probe) enters as its k×cq² W with sums over every patch of every sample (docs/science.md,
 * "Convolutional layers").
 */
public final class ProbeResult {

    private final MlpWeights weights;
    private final double lambda;
    private final long n;
    private final double loss;
    private final double accuracy;
    private final List<INDArray> gradientSums;
    private final List<INDArray> deltaGrams;
    private final List<INDArray> jacobianGrams;

    /**
     * @param n              samples the sums run over (the normaliser of every matrix)
     * @param gradientSums   per layer Σᵢ δᵢhᵢᵀ = n ∇_W L (out×in); kept, not modified
     * @param deltaGrams     per layer Σᵢ δᵢδᵢᵀ = n beNFA (out×out); kept, not modified
     * @param jacobianGrams  per layer Σᵢ Σ_k (∂f_k/∂uᵢ)(∂f_k/∂uᵢ)ᵀ = n bAGOP (out×out); kept, not modified
     */
    public ProbeResult(
            MlpWeights weights,
            double lambda,
            long n,
            double loss,
            double accuracy,
            List<INDArray> gradientSums,
            List<INDArray> deltaGrams,
            List<INDArray> jacobianGrams) {
        this.weights = weights;
        this.lambda = lambda;
        this.n = n;
        this.loss = loss;
        this.accuracy = accuracy;
        this.gradientSums = gradientSums;
        this.deltaGrams = deltaGrams;
        this.jacobianGrams = jacobianGrams;
    }

    /** L = (1/n) Σᵢ ℓᵢ, e.g. (1/n) Σᵢ (1/c)‖f(xᵢ) − yᵢ‖² ({@link Loss}). */
    public double loss() {
        return loss;
    }

    /** Fraction of samples whose largest output is at the target's largest entry. */
    public double accuracy() {
        return accuracy;
    }

    public int depth() {
        return weights.depth();
    }

    /** ∇_W L = (1/n) Σᵢ δᵢ hᵢᵀ of layer l (0-based), out×in, without the λW of the regulariser. */
    public INDArray dataGradient(int l) {
        return gradientSums.get(l).div(n);
    }

    /** ‖∇_W L_λ‖_F = ‖∇_W L + λW‖_F of layer l: stationarity, since FACT − WᵀW = −(1/λ) Wᵀ ∇_W L_λ. */
    public double gradientNorm(int l) {
        return dataGradient(l).addi(weights.weight(l).mul(lambda)).norm2Number().doubleValue();
    }

    /**
     * Layer l's feature matrices (0-based). Forward: WᵀW; FACT = −(1/λ) Wᵀ ∇_W L (Theorem 3.1);
     * AGOP = Wᵀ bAGOP W; eNFA = Wᵀ beNFA W. Backward (Appendix A): WWᵀ; bFACT = −(1/λ) W (∇_W L)ᵀ;
     * bAGOP = (1/n) Σᵢ Σ_k (∂f_k/∂u)(∂f_k/∂u)ᵀ; beNFA = (1/n) Σᵢ δᵢδᵢᵀ.
     */
    public LayerFeatures layer(int l) {
        INDArray w = weights.weight(l);
        INDArray gradient = dataGradient(l);
        INDArray bAgop = jacobianGrams.get(l).div(n);
        INDArray bEnfa = deltaGrams.get(l).div(n);
        FeatureSet forward = new FeatureSet(
                Products.transposeTimes(w, w),
                FeatureMatrices.factFromGradient(w, gradient, lambda),
                FeatureMatrices.pullBack(w, bAgop),
                FeatureMatrices.pullBack(w, bEnfa),
                rowSpace(w));
        FeatureSet backward = new FeatureSet(
                Products.timesTranspose(w, w),
                FeatureMatrices.backwardFactFromGradient(w, gradient, lambda),
                bAgop,
                bEnfa,
                null);
        return new LayerFeatures(forward, backward);
    }

    /**
     * The root k of the AGOP that a balanced deep linear network's WᵀW matches at layer l (0-based): k = L − l, that
     * is 1/(L − ℓ + 1) for the 1-based weight layer ℓ = l + 1 (docs/science.md, "AGOP^{1/L} per layer"). With
     * W_ℓ = U_{ℓ+1} S U_ℓᵀ for every ℓ, the Jacobian of f with respect to layer ℓ's input is W_L ⋯ W_ℓ, so its
     * AGOP is U_ℓ S^{2(L−ℓ+1)} U_ℓᵀ while W_ℓᵀW_ℓ = U_ℓ S² U_ℓᵀ. Layer 1 gets 1/L (Appendix C, Figure 11).
     */
    public int agopRoot(int l) {
        return depth() - l;
    }

    /**
     * Layer l's comparisons (0-based; {@link FeatureSet#compare}): forward with AGOP^{1/(L−l)} ({@link #agopRoot};
     * the series keeps its name {@code layer{l}/agop_1_over_L/…}), backward when asked,
     * and the stationarity ‖∇_W L_λ‖_F, computed in a reused workspace ({@link ScratchWorkspaces}) so that only
     * plain Java values leave it. {@code keep}: the forward predictions to copy out (with WᵀW) for heatmaps.
     */
    public LayerComparison compare(int l, boolean backward, Set<Prediction> keep) {
        try (MemoryWorkspace cycle = ScratchWorkspaces.cycle(ScratchWorkspaces.FEATURES)) {
            LayerFeatures features = layer(l);
            return new LayerComparison(
                    gradientNorm(l),
                    features.forward().compare(agopRoot(l), keep),
                    backward ? features.backward().compare(0, Set.of()) : null);
        }
    }

    /** What {@link #compare} measured of one layer; {@code backward} is null when it was not asked for. */
    public record LayerComparison(double gradientNorm, FeatureSet.Comparison forward, FeatureSet.Comparison backward) {}

    /**
     * For a layer with fewer outputs than inputs, orthonormal columns V spanning the row space of W (from its thin
     * SVD): the forward matrices are all Wᵀ(…), so their roots can be formed in that space; null otherwise.
     */
    private static INDArray rowSpace(INDArray w) {
        return w.rows() < w.columns() ? NativeLinearAlgebra.svd(w)[2].transpose() : null;
    }

    /** The two sides of one layer's feature matrices. */
    public record LayerFeatures(FeatureSet forward, FeatureSet backward) {}
}
