package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FeatureMatricesTest {

    @Test
    void featureMatricesFromProbeData() {
        // two samples, weights 1/4 and 3/4, d = 2
        double[] w = {0.25, 0.75};
        double[][] h = {{1, 0}, {0, 2}};
        double[][] g = {{2, 0}, {1, 1}};
        double[][] fact = FeatureMatrices.fact(w, g, h, 0.5);
        // −2 (0.25·g₁h₁ᵀ + 0.75·g₂h₂ᵀ) = −2 ([[0.5, 0], [0, 0]] + [[0, 1.5], [0, 1.5]])
        assertArrayEquals(new double[] {-1, -3}, fact[0], 1e-15);
        assertArrayEquals(new double[] {0, -3}, fact[1], 1e-15);
        double[][] enfa = FeatureMatrices.enfa(w, g);
        assertArrayEquals(new double[] {0.25 * 4 + 0.75, 0.75}, enfa[0], 1e-15);
        assertArrayEquals(new double[] {0.75, 0.75}, enfa[1], 1e-15);
        assertArrayEquals(enfa[0], FeatureMatrices.agop(w, g)[0], 0);
    }
}
