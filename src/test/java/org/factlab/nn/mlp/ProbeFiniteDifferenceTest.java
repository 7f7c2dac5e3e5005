package org.factlab.nn.mlp;

import static org.factlab.nn.mlp.MlpFixtures.gaussian;
import static org.factlab.nn.mlp.MlpFixtures.maxAbsDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.factlab.math.FeatureMatrices;
import org.factlab.math.FeatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test (4): the probe's per-sample quantities against central finite differences of an independent forward
 * evaluation, for every layer: gᵢ = ∂ℓᵢ/∂h, δᵢ = ∂ℓᵢ/∂u and the Jacobian rows ∂f_k/∂h, ∂f_k/∂u. Then the
 * factored feature matrices of {@link ProbeResult} against the per-sample sums of §2–3 and Appendix A.
 */
class ProbeFiniteDifferenceTest {

    private static final double EPS = 1e-6;
    private static final INDArray X = gaussian(6, 3, 1, 21);
    private static final INDArray Y = gaussian(6, 2, 1, 22);
    private static final double LAMBDA = 0.01;

    private static MlpArchitecture architecture(Activation activation) {
        return new MlpArchitecture(3, 5, 3, 2, activation, true);
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"TANH", "IDENTITY"})
    void perSampleGradientsAndJacobiansMatchFiniteDifferences(Activation activation) {
        MlpWeights weights = MlpFixtures.randomWeights(architecture(activation), 5);
        ForwardPass pass = new ForwardPass(weights, activation, X);
        List<INDArray> deltas = pass.backward(MlpProbe.lossDelta(pass.output(), Y));
        for (int l = 0; l < weights.depth(); l++) {
            int layer = l;
            INDArray g = pass.inputGradient(l, deltas.get(l));
            INDArray h = pass.input(l);
            INDArray u = h.mmul(weights.weight(l).transpose());
            UnaryOperator<INDArray> fromInput = hi -> outputFromLayer(weights, activation, layer, hi);
            UnaryOperator<INDArray> fromOutput = ui -> outputFromPreActivation(weights, activation, layer, ui);
            assertTrue(maxAbsDifference(lossGradientByDifferences(fromInput, h), g) < 1e-8, "g, layer " + l);
            assertTrue(
                    maxAbsDifference(lossGradientByDifferences(fromOutput, u), deltas.get(l)) < 1e-8, "δ, layer " + l);
            for (int k = 0; k < 2; k++) {
                INDArray jacobianU =
                        pass.backward(MlpProbe.outputSeed(X.rows(), 2, k)).get(l);
                INDArray jacobianH = pass.inputGradient(l, jacobianU);
                assertTrue(
                        maxAbsDifference(outputGradientByDifferences(fromInput, h, k), jacobianH) < 1e-8,
                        "∂f_" + k + "/∂h, layer " + l);
                assertTrue(
                        maxAbsDifference(outputGradientByDifferences(fromOutput, u, k), jacobianU) < 1e-8,
                        "∂f_" + k + "/∂u, layer " + l);
            }
        }
    }

    /** The factored matrices (pull-backs through W, FACT from ∇_W L) equal the per-sample sums, in any chunking. */
    @Test
    void factoredFeatureMatricesEqualThePerSampleSums() {
        Activation activation = Activation.TANH;
        MlpWeights weights = MlpFixtures.randomWeights(architecture(activation), 6);
        ProbeResult whole = new MlpProbe(weights, activation, 6).probe(X, Y, LAMBDA);
        ProbeResult chunked = new MlpProbe(weights, activation, 4).probe(X, Y, LAMBDA);
        ForwardPass pass = new ForwardPass(weights, activation, X);
        List<INDArray> deltas = pass.backward(MlpProbe.lossDelta(pass.output(), Y));
        for (int l = 0; l < weights.depth(); l++) {
            INDArray h = pass.input(l);
            INDArray g = pass.inputGradient(l, deltas.get(l));
            INDArray u = h.mmul(weights.weight(l).transpose());
            INDArray agop = h.transpose().mmul(h).muli(0);
            INDArray bAgop = u.transpose().mmul(u).muli(0);
            for (int k = 0; k < 2; k++) {
                INDArray jacobianU =
                        pass.backward(MlpProbe.outputSeed(X.rows(), 2, k)).get(l);
                INDArray jacobianH = pass.inputGradient(l, jacobianU);
                agop.addi(FeatureMatrices.meanGram(jacobianH, X.rows()));
                bAgop.addi(FeatureMatrices.meanGram(jacobianU, X.rows()));
            }
            for (ProbeResult result : List.of(whole, chunked)) {
                FeatureSet forward = result.layer(l).forward();
                FeatureSet backward = result.layer(l).backward();
                assertClose(FeatureMatrices.fact(g, h, LAMBDA), forward.fact(), "FACT", l);
                assertClose(FeatureMatrices.meanGram(g, X.rows()), forward.enfa(), "eNFA", l);
                assertClose(agop, forward.agop(), "AGOP", l);
                assertClose(FeatureMatrices.fact(u, deltas.get(l), LAMBDA), backward.fact(), "bFACT", l);
                assertClose(FeatureMatrices.meanGram(deltas.get(l), X.rows()), backward.enfa(), "beNFA", l);
                assertClose(bAgop, backward.agop(), "bAGOP", l);
                assertClose(weights.weight(l).transpose().mmul(weights.weight(l)), forward.reference(), "WᵀW", l);
            }
        }
        assertEquals(whole.loss(), chunked.loss(), 1e-15);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what, int layer) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        assertTrue(maxAbsDifference(expected, actual) < 1e-12 * scale, what + " of layer " + layer);
    }

    /** Rows ∂ℓᵢ/∂aᵢ of ℓ = (1/c)‖out(a) − y‖² by central differences, one coordinate at a time. */
    private static INDArray lossGradientByDifferences(UnaryOperator<INDArray> out, INDArray a) {
        return differences(a, shifted -> {
            INDArray r = out.apply(shifted).sub(Y);
            return r.mul(r).sum(1).divi(r.columns());
        });
    }

    /** Rows ∂f_k(aᵢ)/∂aᵢ by central differences. */
    private static INDArray outputGradientByDifferences(UnaryOperator<INDArray> out, INDArray a, int k) {
        return differences(a, shifted -> out.apply(shifted).getColumn(k).dup());
    }

    /** Column j of the result: (s(a + εeⱼ) − s(a − εeⱼ))/(2ε) for the per-row scalar s. */
    private static INDArray differences(INDArray a, UnaryOperator<INDArray> perRowScalar) {
        INDArray result = a.ulike();
        for (int j = 0; j < a.columns(); j++) {
            INDArray plus = a.dup();
            INDArray minus = a.dup();
            plus.getColumn(j).addi(EPS);
            minus.getColumn(j).subi(EPS);
            INDArray slope =
                    perRowScalar.apply(plus).sub(perRowScalar.apply(minus)).divi(2 * EPS);
            result.getColumn(j).assign(slope.reshape(a.rows()));
        }
        return result;
    }

    /** f from the input h of layer l, through layers l … L (an independent forward evaluation). */
    private static INDArray outputFromLayer(MlpWeights weights, Activation activation, int l, INDArray h) {
        INDArray out = h;
        for (int k = l; k < weights.depth(); k++) {
            INDArray z = out.mmul(weights.weight(k).transpose()).addiRowVector(weights.bias(k));
            out = k + 1 < weights.depth() ? activation.apply(z) : z;
        }
        return out;
    }

    /** f from the bias-free output u = W h of layer l. */
    private static INDArray outputFromPreActivation(MlpWeights weights, Activation activation, int l, INDArray u) {
        INDArray z = u.addRowVector(weights.bias(l));
        if (l + 1 == weights.depth()) {
            return z;
        }
        return outputFromLayer(weights, activation, l + 1, activation.apply(z));
    }
}
