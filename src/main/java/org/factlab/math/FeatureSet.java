package org.factlab.math;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One side of a layer's feature matrices (float64, square): forward, with reference WᵀW and FACT, AGOP,
 * eNFA taken at the layer input h; or backward (Appendix A), with reference WWᵀ and bFACT, bAGOP, beNFA
 * taken at the layer output u = W h.
 *
 * <p>Every matrix is kept as given, not copied, and no method modifies it.
 *
 * @param range null, or Q with orthonormal columns whose span holds the columns of FACT, AGOP and eNFA (for the
 *              forward side of a layer with fewer outputs than inputs, the row space of W: all three are Wᵀ(…)).
 *              Then every root is formed in that r-dimensional space, A^s = Q (QᵀAQ)^s Qᵀ, which is exact and
 *              costs r³ instead of d³.
 */
public record FeatureSet(INDArray reference, INDArray fact, INDArray agop, INDArray enfa, INDArray range) {

    /**
     * Every {@link Prediction} of this side: the three matrices and their roots, one symmetric eigendecomposition
     * each: √(FACT·FACTᵀ) (Remark 3.3) from the product FACT·FACTᵀ, √AGOP and AGOP^{1/agopRoot} together, √eNFA;
     * {@code agopRoot} = 0 leaves out {@link Prediction#AGOP_1_OVER_L} (the backward side). For weight layer ℓ of a
     * depth-L network the caller passes L − ℓ + 1 (docs/science.md). Roots set eigenvalues below the round-off
     * level to 0 ({@link PsdMatrices#powers}); for √(FACT·FACTᵀ) that drops singular values of FACT below
     * √(d·ε) ≈ 1e-6 of the largest, which no correlation can see, at half the cost of an SVD.
     */
    public Map<Prediction, INDArray> predictions(int agopRoot) {
        Map<Prediction, INDArray> out = new EnumMap<>(Prediction.class);
        formPredictions(agopRoot, false, out::put);
        return out;
    }

    /**
     * Hands every prediction of {@link #predictions} to {@code sink}, root group by root group (a group shares one
     * eigendecomposition); with {@code ownCycles} each group is formed and handed over inside its own cycle of the
     * {@link ScratchWorkspaces#ROOTS} workspace, so the sink must not keep the arrays.
     */
    private void formPredictions(int agopRoot, boolean ownCycles, BiConsumer<Prediction, INDArray> sink) {
        sink.accept(Prediction.FACT, fact);
        sink.accept(Prediction.AGOP, agop);
        sink.accept(Prediction.ENFA, enfa);
        inCycle(ownCycles, () -> sink.accept(Prediction.SYM_FACT, symmetrizedFact()));
        inCycle(ownCycles, () -> {
            INDArray[] roots = agopRoots(agopRoot);
            sink.accept(Prediction.SQRT_AGOP, roots[0]);
            if (agopRoot > 0) {
                sink.accept(Prediction.AGOP_1_OVER_L, roots[1]);
            }
        });
        inCycle(ownCycles, () -> sink.accept(Prediction.SQRT_ENFA, sqrtEnfa()));
    }

    private static void inCycle(boolean ownCycle, Runnable group) {
        if (!ownCycle) {
            group.run();
            return;
        }
        try (MemoryWorkspace cycle = ScratchWorkspaces.cycle(ScratchWorkspaces.ROOTS)) {
            group.run();
        }
    }

    private INDArray symmetrizedFact() {
        return expand(PsdMatrices.power(restrict(Products.timesTranspose(fact, fact)), 0.5));
    }

    /** √AGOP, and AGOP^{1/agopRoot} when agopRoot &gt; 0. */
    private INDArray[] agopRoots(int agopRoot) {
        INDArray[] roots = agopRoot > 0
                ? PsdMatrices.powers(restrict(agop), 0.5, 1.0 / agopRoot)
                : PsdMatrices.powers(restrict(agop), 0.5);
        for (int i = 0; i < roots.length; i++) {
            roots[i] = expand(roots[i]);
        }
        return roots;
    }

    private INDArray sqrtEnfa() {
        return expand(PsdMatrices.power(restrict(enfa), 0.5));
    }

    /**
     * The {@link #predictions} compared with the reference: Pearson and cosine of each, FACT's relative error, and
     * float32 copies of the reference and of the predictions in {@code keep}, all plain Java values. Each root is
     * formed and measured in its own cycle of the {@link ScratchWorkspaces#ROOTS} workspace, so that only one root's
     * temporaries are alive at a time (when called inside a workspace; outside one, ND4J frees them as usual).
     */
    public Comparison compare(int agopRoot, Set<Prediction> keep) {
        Measurements m = new Measurements(Entries.of(reference), keep);
        formPredictions(agopRoot, true, m::measure);
        return new Comparison(
                m.pearson,
                m.cosine,
                factRelativeError(),
                keep.isEmpty() ? null : Entries.floats(reference),
                m.kept,
                (int) reference.rows());
    }

    /** Similarities with the reference's entries, collected prediction by prediction. */
    private static final class Measurements {
        private final double[] reference;
        private final Set<Prediction> keep;
        private final Map<Prediction, Double> pearson = new EnumMap<>(Prediction.class);
        private final Map<Prediction, Double> cosine = new EnumMap<>(Prediction.class);
        private final Map<Prediction, float[]> kept = new EnumMap<>(Prediction.class);

        /**
         * @param reference kept, not copied; not modified
         */
        Measurements(double[] reference, Set<Prediction> keep) {
            this.reference = reference;
            this.keep = keep;
        }

        /**
         * @param matrix not modified
         */
        void measure(Prediction p, INDArray matrix) {
            double[] entries = Entries.of(matrix);
            pearson.put(p, Similarity.pearson(entries, reference));
            cosine.put(p, Similarity.cosine(entries, reference));
            if (keep.contains(p)) {
                kept.put(p, Entries.floats(entries));
            }
        }
    }

    /**
     * What {@link #compare} measured.
     *
     * @param reference WᵀW or WWᵀ row-major as float32, null when nothing was kept
     * @param kept      the kept predictions, row-major float32, each {@code dimension}²
     */
    public record Comparison(
            Map<Prediction, Double> pearson,
            Map<Prediction, Double> cosine,
            double factRelativeError,
            float[] reference,
            Map<Prediction, float[]> kept,
            int dimension) {}

    /** ‖FACT − reference‖_F / ‖reference‖_F: how far (FACT) or (bFACT) is from holding. */
    public double factRelativeError() {
        return Similarity.relativeDistance(fact, reference);
    }

    /**
     * QᵀAQ, or A without a range.
     *
     * @param a not modified
     */
    private INDArray restrict(INDArray a) {
        return range == null ? a : Products.congruence(range, a);
    }

    /**
     * Q B Qᵀ, or B without a range.
     *
     * @param b not modified
     */
    private INDArray expand(INDArray b) {
        return range == null ? b : Products.timesTranspose(Products.times(range, b), range);
    }
}
