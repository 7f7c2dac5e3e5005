package org.factlab.math;

import java.util.EnumMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One side of a layer's feature matrices (float64, square): forward, with reference WᵀW and FACT, AGOP,
 * eNFA taken at the layer input h; or backward (Appendix A), with reference WWᵀ and bFACT, bAGOP, beNFA
 * taken at the layer output u = W h.
 */
public record FeatureSet(INDArray reference, INDArray fact, INDArray agop, INDArray enfa) {

    /**
     * Every {@link Prediction} of this side: the three matrices and their roots. √(FACT·FACTᵀ) comes from an
     * SVD of FACT, √AGOP and AGOP^{1/depth} from one eigendecomposition; {@code depth} = 0 leaves out
     * AGOP^{1/L} (the backward side). Roots clip negative eigenvalues to 0.
     */
    public Map<Prediction, INDArray> predictions(int depth) {
        Map<Prediction, INDArray> out = new EnumMap<>(Prediction.class);
        out.put(Prediction.FACT, fact);
        out.put(Prediction.SYM_FACT, PsdMatrices.leftPolarPower(fact, 1));
        out.put(Prediction.AGOP, agop);
        if (depth > 0) {
            INDArray[] roots = PsdMatrices.powers(agop, 0.5, 1.0 / depth);
            out.put(Prediction.SQRT_AGOP, roots[0]);
            out.put(Prediction.AGOP_1_OVER_L, roots[1]);
        } else {
            out.put(Prediction.SQRT_AGOP, PsdMatrices.power(agop, 0.5));
        }
        out.put(Prediction.ENFA, enfa);
        out.put(Prediction.SQRT_ENFA, PsdMatrices.power(enfa, 0.5));
        return out;
    }

    /** ‖FACT − reference‖_F / ‖reference‖_F: how far (FACT) or (bFACT) is from holding. */
    public double factRelativeError() {
        return fact.sub(reference).norm2Number().doubleValue() / reference.norm2Number().doubleValue();
    }
}
