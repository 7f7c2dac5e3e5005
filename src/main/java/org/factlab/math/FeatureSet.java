package org.factlab.math;

import java.util.EnumMap;
import java.util.Map;
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
     * Every {@link Prediction} of this side: the three matrices and their roots. √(FACT·FACTᵀ) comes from an
     * SVD of FACT, √AGOP and AGOP^{1/depth} from one eigendecomposition; {@code depth} = 0 leaves out
     * AGOP^{1/L} (the backward side). Roots clip negative eigenvalues to 0.
     */
    public Map<Prediction, INDArray> predictions(int depth) {
        Map<Prediction, INDArray> out = new EnumMap<>(Prediction.class);
        out.put(Prediction.FACT, fact);
        out.put(Prediction.SYM_FACT, expand(PsdMatrices.leftPolarPower(restrictColumns(fact), 1)));
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

    /** ‖FACT − reference‖_F / ‖reference‖_F: how far (FACT) or (bFACT) is from holding. */
    public double factRelativeError() {
        return fact.sub(reference).norm2Number().doubleValue() / reference.norm2Number().doubleValue();
    }

    /** QᵀAQ, or A without a range. */
    private INDArray restrict(INDArray a) {
        return range == null ? a : range.transpose().mmul(a).mmul(range);
    }

    /** QᵀA: the same left singular structure (A Aᵀ = Q (QᵀA)(QᵀA)ᵀ Qᵀ), or A without a range. */
    private INDArray restrictColumns(INDArray a) {
        return range == null ? a : range.transpose().mmul(a);
    }

    /** Q B Qᵀ, or B without a range. */
    private INDArray expand(INDArray b) {
        return range == null ? b : range.mmul(b).mmul(range.transpose());
    }
}
