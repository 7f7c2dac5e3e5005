package org.factlab.experiments.mlp;

import java.util.Map;
import java.util.Set;
import org.factlab.experiments.RunContext;
import org.factlab.math.FeatureSet;
import org.factlab.math.Prediction;
import org.factlab.nn.mlp.ProbeResult;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link MlpSeries} of one probe, layer by layer, and the first layer's matrices: what a probe of the {@code mlp}
 * kind records, shared with the {@code inspect} kind (a network trained elsewhere, probed once).
 */
public final class ProbeSeries {

    /** The first-layer predictions stored as heatmaps next to WᵀW. */
    private static final Set<Prediction> KEPT = Set.of(Prediction.FACT, Prediction.SQRT_AGOP, Prediction.SQRT_ENFA);

    private ProbeSeries() {}

    /**
     * Puts layer l's series (0-based; named for layer l + 1) into {@code values}: ‖∇_W L_λ‖, Pearson and cosine of
     * every forward prediction with WᵀW and FACT's relative error, with {@code backward} the same against WWᵀ.
     * Returns the forward comparison, holding the heatmap matrices when {@code keepMatrices}.
     */
    public static FeatureSet.Comparison putLayer(
            ProbeResult result, int l, boolean backward, boolean keepMatrices, Map<String, Double> values) {
        ProbeResult.LayerComparison layer = result.compare(l, backward, keepMatrices ? KEPT : Set.of());
        values.put(MlpSeries.gradNorm(l + 1), layer.gradientNorm());
        put(values, l + 1, false, layer.forward());
        if (layer.backward() != null) {
            put(values, l + 1, true, layer.backward());
        }
        return layer.forward();
    }

    /** Pearson and cosine of every prediction of one side with its reference, and the FACT relative error. */
    private static void put(Map<String, Double> values, int layer, boolean backward, FeatureSet.Comparison side) {
        side.pearson().forEach((p, v) -> values.put(MlpSeries.similarity(layer, backward, p, MlpSeries.PEARSON), v));
        side.cosine().forEach((p, v) -> values.put(MlpSeries.similarity(layer, backward, p, MlpSeries.COSINE), v));
        values.put(MlpSeries.factRelativeError(layer, backward), side.factRelativeError());
    }

    /**
     * Records the filters of a first convolution over {@code channels} channels ({@link MlpSeries#MATRIX_FILTERS}):
     * its W (k × cq², each row [channel][dy][dx]) read as (k·c) × q², one q×q window per row.
     */
    public static void recordFilters(RunContext ctx, long step, INDArray w, int channels) {
        int rows = (int) w.rows() * channels;
        int cols = (int) w.columns() / channels;
        ctx.matrix(
                MlpSeries.MATRIX_FILTERS,
                step,
                rows,
                cols,
                w.dup('c').reshape(-1).toFloatVector());
    }

    /** Records the first layer's WᵀW, FACT, √AGOP and √eNFA ({@link MlpSeries#MATRICES}) kept by {@link #putLayer}. */
    public static void recordMatrices(RunContext ctx, long step, FeatureSet.Comparison first) {
        int d = first.dimension();
        ctx.matrix(MlpSeries.MATRIX_WTW, step, d, d, first.reference());
        ctx.matrix(MlpSeries.MATRIX_FACT, step, d, d, first.kept().get(Prediction.FACT));
        ctx.matrix(MlpSeries.MATRIX_SQRT_AGOP, step, d, d, first.kept().get(Prediction.SQRT_AGOP));
        ctx.matrix(MlpSeries.MATRIX_SQRT_ENFA, step, d, d, first.kept().get(Prediction.SQRT_ENFA));
    }
}
