package org.factlab.math;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One side of a layer's feature matrices (float64, square): forward, with reference WᵀW and FACT, AGOP,
 * eNFA taken at the layer input h; or backward (Appendix A), with reference WWᵀ and bFACT, bAGOP, beNFA
 * taken at the layer output u = W h.
 *
 * @param range null, or Q with orthonormal columns whose span holds the columns of FACT, AGOP and eNFA (for the
 *              forward side of a layer with fewer outputs than inputs, the row space of W: all three are Wᵀ(…)).
 *              Then every root is formed in that r-dimensional space, A^s = Q (QᵀAQ)^s Qᵀ, which is exact and
 *              costs r³ instead of d³.
 */
public record FeatureSet(INDArray reference, INDArray fact, INDArray agop, INDArray enfa, INDArray range) {

    /**
     * Every {@link Prediction} of this side: the three matrices and their roots, one symmetric eigendecomposition
     * each: √(FACT·FACTᵀ) (Remark 3.3) from the product FACT·FACTᵀ, √AGOP and AGOP^{1/depth} together, √eNFA;
     * {@code depth} = 0 leaves out AGOP^{1/L} (the backward side). Roots set eigenvalues below the round-off
     * level to 0 ({@link PsdMatrices#powers}); for √(FACT·FACTᵀ) that drops singular values of FACT below
     * √(d·ε) ≈ 1e-6 of the largest, which no correlation can see, at half the cost of an SVD.
     */
    public Map<Prediction, INDArray> predictions(int depth) {
        Map<Prediction, INDArray> out = new EnumMap<>(Prediction.class);
        out.put(Prediction.FACT, fact);
        out.put(Prediction.SYM_FACT, expand(PsdMatrices.power(restrict(Products.timesTranspose(fact, fact)), 0.5)));
        out.put(Prediction.AGOP, agop);
        INDArray[] agopRoots = depth > 0 ? PsdMatrices.powers(restrict(agop), 0.5, 1.0 / depth)
                : PsdMatrices.powers(restrict(agop), 0.5);
        out.put(Prediction.SQRT_AGOP, expand(agopRoots[0]));
        if (depth > 0) {
            out.put(Prediction.AGOP_1_OVER_L, expand(agopRoots[1]));
        }
        out.put(Prediction.ENFA, enfa);
        out.put(Prediction.SQRT_ENFA, expand(PsdMatrices.power(restrict(enfa), 0.5)));
        return out;
    }

    /**
     * Pearson and cosine of every prediction with the reference, FACT's relative error, and float32 copies of the
     * reference and of the predictions in {@code keep}: plain Java values that outlive every ND4J array used.
     */
    public Comparison compare(int depth, Set<Prediction> keep) {
        Map<Prediction, INDArray> predictions = predictions(depth);
        Map<Prediction, Double> pearson = new EnumMap<>(Prediction.class);
        Map<Prediction, Double> cosine = new EnumMap<>(Prediction.class);
        Map<Prediction, float[]> kept = new EnumMap<>(Prediction.class);
        predictions.forEach((p, matrix) -> {
            pearson.put(p, Similarity.pearson(matrix, reference));
            cosine.put(p, Similarity.cosine(matrix, reference));
            if (keep.contains(p)) {
                kept.put(p, Entries.floats(matrix));
            }
        });
        return new Comparison(pearson, cosine, factRelativeError(),
                keep.isEmpty() ? null : Entries.floats(reference), kept, (int) reference.rows());
    }

    /**
     * What {@link #compare} measured.
     *
     * @param reference WᵀW or WWᵀ row-major as float32, null when nothing was kept
     * @param kept      the kept predictions, row-major float32, each {@code dimension}²
     */
    public record Comparison(Map<Prediction, Double> pearson, Map<Prediction, Double> cosine,
                             double factRelativeError, float[] reference, Map<Prediction, float[]> kept,
                             int dimension) {
    }

    /** ‖FACT − reference‖_F / ‖reference‖_F: how far (FACT) or (bFACT) is from holding. */
    public double factRelativeError() {
        return Similarity.relativeDistance(fact, reference);
    }

    /** QᵀAQ, or A without a range. */
    private INDArray restrict(INDArray a) {
        return range == null ? a : Products.congruence(range, a);
    }

    /** Q B Qᵀ, or B without a range. */
    private INDArray expand(INDArray b) {
        return range == null ? b : Products.timesTranspose(Products.times(range, b), range);
    }
}
