package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    private static final double[][] A = {{1, 2}, {3, 4}};

    @Test
    void cosineOfPositiveMultipleIsOne() {
        assertEquals(1.0, Similarity.cosine(A, Matrices.scale(2, A)), 1e-15);
    }

    @Test
    void cosineOfNegationIsMinusOne() {
        assertEquals(-1.0, Similarity.cosine(A, Matrices.scale(-1, A)), 1e-15);
    }

    @Test
    void cosineOfOrthogonalMatricesIsZero() {
        double[][] diagonal = {{1, 0}, {0, 1}};
        double[][] offDiagonal = {{0, 1}, {1, 0}};
        assertEquals(0.0, Similarity.cosine(diagonal, offDiagonal), 0.0);
    }

    @Test
    void cosineHandComputedAndNotCentred() {
        // ⟨A, B⟩ = 1 + 2 = 3 with B = [[1,1],[0,0]]; ‖A‖ = √30, ‖B‖ = √2
        double[][] b = {{1, 1}, {0, 0}};
        assertEquals(3 / Math.sqrt(60), Similarity.cosine(A, b), 1e-15);
        // adding a constant changes the cosine (no centring): ⟨A, A + 10⟩ = 30 + 100 = 130, ‖A + 10‖² = 630
        double[][] shifted = {{11, 12}, {13, 14}};
        assertEquals(130 / Math.sqrt(30 * 630), Similarity.cosine(A, shifted), 1e-15);
    }

    @Test
    void pearsonHandComputed() {
        // entries of A: 1,2,3,4 (mean 2.5); of B: 2,1,4,3 (mean 2.5)
        // deviations a: −1.5,−0.5,0.5,1.5; b: −0.5,−1.5,1.5,0.5 → Σab = 0.75+0.75+0.75+0.75 = 3, Σa² = Σb² = 5
        double[][] b = {{2, 1}, {4, 3}};
        assertEquals(0.6, Similarity.pearson(A, b), 1e-15);
    }

    @Test
    void pearsonIsInvariantToAffineMapsOfB() {
        double[][] b = {{0.3, -1.2}, {2.5, 0.7}};
        double[][] affine = {{3 * 0.3 + 7, 3 * -1.2 + 7}, {3 * 2.5 + 7, 3 * 0.7 + 7}};
        assertEquals(Similarity.pearson(A, b), Similarity.pearson(A, affine), 1e-14);
        double[][] negated = {{-0.3 + 1, 1.2 + 1}, {-2.5 + 1, -0.7 + 1}};
        assertEquals(-Similarity.pearson(A, b), Similarity.pearson(A, negated), 1e-14);
    }

    @Test
    void pearsonIncludesTheDiagonal() {
        // identical off-diagonals, opposite diagonals: the diagonal decides the sign
        double[][] a = {{1, 0}, {0, -1}};
        double[][] b = {{-1, 0}, {0, 1}};
        assertEquals(-1.0, Similarity.pearson(a, b), 1e-15);
    }
}
