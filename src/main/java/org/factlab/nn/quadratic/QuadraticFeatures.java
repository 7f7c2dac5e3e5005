package org.factlab.nn.quadratic;

import org.factlab.math.FeatureMatrices;
import org.factlab.math.PsdMatrices;

/**
 * The feature matrices of the first layer W of the quadratic network at its current parameters, with
 * h = x (the layer input) and sums over the objective's weighted atoms, e.g. those of D(p, τ) (Figure 4):
 * WᵀW; FACT = −(1/λ) Σᵢ wᵢ gᵢ xᵢᵀ with gᵢ = ∂ℓᵢ/∂x = 2s(f(xᵢ) − yᵢ)∇ₓf(xᵢ) (Theorem 3.1);
 * AGOP = Σᵢ wᵢ ∇ₓf ∇ₓfᵀ and its PSD square root (NFA with s = 1/2); eNFA = Σᵢ wᵢ gᵢ gᵢᵀ.
 * All are d × d (4 × 4 in Figure 4), computed atom by atom in double precision.
 */
public record QuadraticFeatures(
        double[][] wtw, double[][] fact, double[][] agop, double[][] sqrtAgop, double[][] enfa) {

    /** The five matrices at the network's current parameters, with the objective's λ and loss scale. */
    public static QuadraticFeatures at(QuadraticNetwork net, QuadraticObjective objective) {
        double[][] inputs = objective.inputs();
        int n = inputs.length;
        int d = net.inputDim();
        double[][] modelGradients = new double[n][d];
        double[][] lossGradients = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] x = inputs[i];
            net.inputGradient(x, modelGradients[i]);
            double dLoss =
                    2 * objective.lossScale() * (net.output(x) - objective.targets()[i]);
            for (int k = 0; k < d; k++) {
                lossGradients[i][k] = dLoss * modelGradients[i][k];
            }
        }
        double[] weights = objective.weights();
        double[][] agop = FeatureMatrices.agop(weights, modelGradients);
        return new QuadraticFeatures(
                net.featureMatrix(),
                FeatureMatrices.fact(weights, lossGradients, inputs, objective.lambda()),
                agop,
                PsdMatrices.sqrt(agop),
                FeatureMatrices.enfa(weights, lossGradients));
    }
}
