package org.factlab.experiments.mlp;

import java.util.List;
import org.factlab.math.Prediction;

/**
 * Series and matrix names of the mlp kind (public contract: CSV headers, chart legends, the run page's panel,
 * preset expectations). Layers are numbered from 1 (the first weight layer); the step of every series is the
 * epoch. Per layer l and prediction p ∈ {fact, sym_fact, agop, sqrt_agop, agop_1_over_L, enfa, sqrt_enfa}:
 * {@code layer{l}/{p}/pearson} and {@code /cosine} against WᵀW; with {@code backward} also
 * {@code layer{l}/backward/{p}/…} against WWᵀ (no agop_1_over_L there). {@code layer{l}/agop_1_over_L/…} keeps
 * its name at every layer but is AGOP^{1/(L−l+1)} at layer l (AGOP^{1/L} at layer 1): the root that a balanced
 * deep linear network's WᵀW matches there (docs/science.md).
 */
public final class MlpSeries {

    /** L = (1/n) Σᵢ (1/c)‖f(xᵢ) − yᵢ‖² on the training subset, float64, current weights. */
    public static final String TRAIN_LOSS = "train/loss";

    public static final String TRAIN_ACCURACY = "train/accuracy";
    /** The same loss on the held-out test set. */
    public static final String TEST_LOSS = "test/loss";

    public static final String TEST_ACCURACY = "test/accuracy";
    /** The learning rate of the epoch that ended at this step (of epoch 0 at step 0). */
    public static final String LEARNING_RATE = "lr";

    public static final String PEARSON = "pearson";
    public static final String COSINE = "cosine";
    public static final List<String> SIMILARITIES = List.of(PEARSON, COSINE);

    /** Matrices of the first layer recorded at probes: WᵀW next to FACT, √AGOP and √eNFA. */
    public static final String MATRIX_WTW = "layer1/WtW";

    public static final String MATRIX_FACT = "layer1/FACT";
    public static final String MATRIX_SQRT_AGOP = "layer1/sqrt_agop";
    public static final String MATRIX_SQRT_ENFA = "layer1/sqrt_enfa";
    public static final List<String> MATRICES = List.of(MATRIX_WTW, MATRIX_FACT, MATRIX_SQRT_AGOP, MATRIX_SQRT_ENFA);
    /** A first convolution's filters, (k·c) × q², each row one channel's q×q window (recorded with the matrices). */
    public static final String MATRIX_FILTERS = "layer1/filters";

    private MlpSeries() {}

    /** {@code layer{l}/{p}/{similarity}} (forward) or {@code layer{l}/backward/{p}/{similarity}}. */
    public static String similarity(int layer, boolean backward, Prediction p, String similarity) {
        return side(layer, backward) + p.id() + "/" + similarity;
    }

    /** {@code layer{l}/grad_norm}: ‖∇_W L_λ‖_F of the layer. */
    public static String gradNorm(int layer) {
        return "layer" + layer + "/grad_norm";
    }

    /** {@code layer{l}/fact/relerr} = ‖FACT − WᵀW‖_F/‖WᵀW‖_F, or {@code layer{l}/backward/fact/relerr} for bFACT. */
    public static String factRelativeError(int layer, boolean backward) {
        return side(layer, backward) + Prediction.FACT.id() + "/relerr";
    }

    private static String side(int layer, boolean backward) {
        return "layer" + layer + "/" + (backward ? "backward/" : "");
    }
}
