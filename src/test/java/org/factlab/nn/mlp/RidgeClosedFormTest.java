package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.factlab.math.FeatureSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * Test (1): a single linear layer f(x) = W x with ridge penalty. L_λ = (1/n) Σᵢ (1/c)‖W xᵢ − yᵢ‖² + (λ/2)‖W‖²
 * has the unique minimiser W* = YᵀX (XᵀX + (ncλ/2) I)⁻¹, where FACT = WᵀW and bFACT = WWᵀ hold exactly
 * (Theorems 3.1 and A.1), and the AGOP of f(x) = Wx is WᵀW itself.
 */
class RidgeClosedFormTest {

    @Test
    void factEqualsTheFeatureMatrixAtTheRidgeMinimiser() {
        int n = 40;
        int d = 4;
        int c = 3;
        double lambda = 0.05;
        INDArray x = gaussian(n, d, 1, 31);
        INDArray y = gaussian(n, c, 1, 32);
        INDArray regularized =
                x.transpose().mmul(x).addi(Nd4j.eye(d).castTo(DataType.DOUBLE).muli(n * c * lambda / 2));
        INDArray w = y.transpose().mmul(x).mmul(InvertMatrix.invert(regularized, false));
        MlpWeights weights = new MlpWeights(List.of(w), Arrays.asList((INDArray) null));

        ProbeResult probe = new MlpProbe(weights, Activation.IDENTITY, n).probe(x, y, lambda);
        FeatureSet forward = probe.layer(0).forward();
        FeatureSet backward = probe.layer(0).backward();
        assertTrue(probe.gradientNorm(0) < 1e-13, "W* is stationary: " + probe.gradientNorm(0));
        assertTrue(forward.factRelativeError() < 1e-10, "FACT vs WᵀW: " + forward.factRelativeError());
        assertTrue(backward.factRelativeError() < 1e-10, "bFACT vs WWᵀ: " + backward.factRelativeError());
        double agopError = forward.agop().sub(forward.reference()).norm2Number().doubleValue()
                / forward.reference().norm2Number().doubleValue();
        assertTrue(agopError < 1e-12, "AGOP of a linear map is WᵀW: " + agopError);
    }
}
