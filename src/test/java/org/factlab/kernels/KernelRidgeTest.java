package org.factlab.kernels;

import static org.factlab.kernels.KernelFixtures.gaussianMatrix;
import static org.factlab.kernels.KernelFixtures.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KernelRidgeTest {

    private static INDArray gaussianKernel(int n, long seed) {
        INDArray x = matrix(gaussianMatrix(n, 5, seed));
        INDArray k = Nd4j.create(DataType.DOUBLE, n, n);
        MahalanobisKernel.compute(x, x, Nd4j.eye(5).castTo(DataType.DOUBLE), KernelFunction.GAUSSIAN, 2, true, k, null);
        return k;
    }

    /** Lemma F.2: α = −(Kα − y)/reg, i.e. αᵢ = −ℓ′(ŷᵢ, yᵢ)/(nλ) with reg = nλ. */
    @Test
    void coefficientsSatisfyLemmaF2() {
        INDArray k = gaussianKernel(300, 1);
        INDArray y = matrix(gaussianMatrix(300, 3, 2));
        double reg = 0.05;
        KernelRidge.Solution solution = KernelRidge.solve(k, reg, y, Nd4j.create(DataType.DOUBLE, 300, 300));
        INDArray alpha = solution.alpha();
        INDArray lemma = k.mmul(alpha).subi(y).divi(-reg);
        assertEquals(KernelRidge.Factorization.CHOLESKY, solution.factorization());
        assertEquals(
                0.0,
                lemma.sub(alpha).amaxNumber().doubleValue(),
                1e-9 * alpha.amaxNumber().doubleValue());
    }

    @Test
    void zeroRegInterpolatesInFloat64() {
        INDArray k = gaussianKernel(200, 3);
        INDArray y = matrix(gaussianMatrix(200, 1, 4));
        INDArray alpha = KernelRidge.solve(k, 0, y, Nd4j.create(DataType.DOUBLE, 200, 200))
                .alpha();
        assertEquals(0.0, k.mmul(alpha).sub(y).amaxNumber().doubleValue(), 1e-8);
    }

    @Test
    void indefiniteSystemsFallBackToThePivotedFactorization() {
        INDArray a = matrix(new double[][] {{1, 2, 0}, {2, 1, 0}, {0, 0, 3}});
        INDArray y = matrix(new double[][] {{1}, {2}, {3}});
        KernelRidge.Solution solution = KernelRidge.solve(a, 0, y, Nd4j.create(DataType.DOUBLE, 3, 3));
        assertEquals(KernelRidge.Factorization.SYMMETRIC_INDEFINITE, solution.factorization());
        assertEquals(0.0, a.mmul(solution.alpha()).sub(y).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void singularSystemsFailWithAMessage() {
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 4, 4);
        INDArray y = matrix(new double[][] {{1}, {0}, {1}, {0}});
        KernelMachineException e = assertThrows(
                KernelMachineException.class, () -> KernelRidge.solve(ones, 0, y, Nd4j.create(DataType.DOUBLE, 4, 4)));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void float32SolvesTheRegularisedSystem() {
        INDArray k = gaussianKernel(200, 5).castTo(DataType.FLOAT);
        INDArray y = matrix(gaussianMatrix(200, 2, 6)).castTo(DataType.FLOAT);
        INDArray alpha = KernelRidge.solve(k, 0.1, y, Nd4j.create(DataType.FLOAT, 200, 200))
                .alpha();
        assertEquals(DataType.FLOAT, alpha.dataType());
        INDArray residual = k.mmul(alpha).addi(alpha.mul(0.1)).subi(y);
        assertEquals(0.0, residual.amaxNumber().doubleValue(), 1e-3);
    }
}
