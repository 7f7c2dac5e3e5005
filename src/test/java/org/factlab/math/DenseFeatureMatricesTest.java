package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The float64 ND4J forms of the feature matrices, PSD roots and similarities against the small {@code double[][]}
 * implementations (Jacobi eigendecomposition, explicit loops) and against their defining identities.
 */
class DenseFeatureMatricesTest {

    private static INDArray gaussian(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }

    private static double[][] rows(INDArray a) {
        return a.toDoubleMatrix();
    }

    private static double maxAbs(INDArray a, double[][] b) {
        return a.sub(Nd4j.create(b).castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void perSampleFormsMatchTheWeightedLoops() {
        INDArray g = gaussian(7, 4, 1);
        INDArray h = gaussian(7, 4, 2);
        double[] uniform = new double[7];
        Arrays.fill(uniform, 1.0 / 7);
        assertTrue(
                maxAbs(FeatureMatrices.fact(g, h, 0.3), FeatureMatrices.fact(uniform, rows(g), rows(h), 0.3)) < 1e-14);
        assertTrue(maxAbs(FeatureMatrices.meanGram(g, 7), FeatureMatrices.enfa(uniform, rows(g))) < 1e-14);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, 4, 4);
        FeatureMatrices.addCrossProducts(
                sum,
                g.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()),
                h.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()));
        FeatureMatrices.addCrossProducts(
                sum,
                g.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all()),
                h.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all()));
        assertTrue(sum.sub(g.transpose().mmul(h)).amaxNumber().doubleValue() < 1e-14, "chunked sums add up");
    }

    /** With gᵢ = Wᵀδᵢ: Σ gᵢhᵢᵀ = Wᵀ Σ δᵢhᵢᵀ and Σ gᵢgᵢᵀ = Wᵀ(Σ δᵢδᵢᵀ)W. */
    @Test
    void factoredFormsEqualThePerSampleForms() {
        INDArray w = gaussian(3, 5, 3);
        INDArray delta = gaussian(9, 3, 4);
        INDArray h = gaussian(9, 5, 5);
        INDArray g = delta.mmul(w);
        INDArray gradient = delta.transpose().mmul(h).divi(9);
        double lambda = 0.2;
        assertTrue(FeatureMatrices.fact(g, h, lambda)
                        .sub(FeatureMatrices.factFromGradient(w, gradient, lambda))
                        .amaxNumber()
                        .doubleValue()
                < 1e-13);
        assertTrue(FeatureMatrices.fact(h.mmul(w.transpose()), delta, lambda)
                        .sub(FeatureMatrices.backwardFactFromGradient(w, gradient, lambda))
                        .amaxNumber()
                        .doubleValue()
                < 1e-13);
        assertTrue(FeatureMatrices.meanGram(g, 9)
                        .sub(FeatureMatrices.pullBack(w, FeatureMatrices.meanGram(delta, 9)))
                        .amaxNumber()
                        .doubleValue()
                < 1e-13);
    }

    @Test
    void psdPowersMatchTheJacobiImplementation() {
        INDArray b = gaussian(6, 6, 6);
        INDArray psd = b.mmul(b.transpose());
        INDArray[] powers = PsdMatrices.powers(psd, 0.5, 1.0 / 3);
        assertTrue(maxAbs(powers[0], PsdMatrices.sqrt(rows(psd))) < 1e-12);
        assertTrue(maxAbs(powers[1], PsdMatrices.power(rows(psd), 1.0 / 3)) < 1e-12);
        assertTrue(maxAbs(PsdMatrices.power(psd, 1), rows(psd)) < 1e-12);
    }

    /** A rank-2 PSD matrix in 6 dimensions: A^{1/4} raised to 4 gives A back and keeps the null space null. */
    @Test
    void roundOffEigenvaluesOfARankDeficientMatrixStayZero() {
        INDArray b = gaussian(6, 2, 13);
        INDArray psd = b.mmul(b.transpose());
        INDArray fourth = PsdMatrices.power(psd, 0.25);
        INDArray square = fourth.mmul(fourth);
        assertTrue(square.mmul(square).sub(psd).amaxNumber().doubleValue() < 1e-10);
        INDArray nullVector = NativeLinearAlgebra.symmetricEigen(psd)[1]
                .getColumn(0)
                .reshape(6, 1)
                .dup();
        assertTrue(b.transpose().mmul(nullVector).amaxNumber().doubleValue() < 1e-12, "a null vector of Bᵀ");
        assertTrue(fourth.mmul(nullVector).amaxNumber().doubleValue() < 1e-12, "stays in the null space");
    }

    @Test
    void leftPolarPowerOfARectangularMatrixSquaresBack() {
        INDArray a = gaussian(3, 7, 7);
        INDArray root = PsdMatrices.leftPolarPower(a, 1);
        assertTrue(root.mmul(root).sub(a.mmul(a.transpose())).amaxNumber().doubleValue() < 1e-12);
        assertEquals(3, root.rows());
    }

    /** √(FACT·FACTᵀ) from the eigendecomposition of the product equals the SVD's U diag(σ) Uᵀ. */
    @Test
    void symmetrizedFactFromTheProductEqualsTheSvdForm() {
        INDArray fact = gaussian(6, 6, 13).addi(gaussian(6, 6, 14).mul(0.1));
        INDArray w = gaussian(6, 6, 15);
        INDArray wtw = w.transpose().mmul(w);
        INDArray viaProduct =
                new FeatureSet(wtw, fact, wtw, wtw, null).predictions(2).get(Prediction.SYM_FACT);
        assertTrue(
                viaProduct.sub(PsdMatrices.leftPolarPower(fact, 1)).amaxNumber().doubleValue() < 1e-10);
    }

    /** Views, column-major and float32 arrays give their entries in row-major order; matrices round-trip. */
    @Test
    void entriesReadAnyLayoutInRowMajorOrder() {
        INDArray a = gaussian(4, 5, 16);
        double[] expected =
                Arrays.stream(rows(a)).flatMapToDouble(Arrays::stream).toArray();
        assertArrayEquals(expected, Entries.of(a), 0.0);
        assertArrayEquals(expected, Entries.of(a.dup('f')), 0.0);
        assertArrayEquals(
                Arrays.copyOfRange(expected, 5, 15),
                Entries.of(a.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all())),
                0.0);
        assertArrayEquals(Entries.of(a.transpose().dup('c')), Entries.of(a.transpose()), 0.0);
        assertArrayEquals(expected, Entries.of(a.castTo(DataType.FLOAT)), 1e-6);
        assertEquals(
                0.0, a.sub(Entries.matrix(expected, 4, 5, 'c')).amaxNumber().doubleValue(), 0.0);
        assertEquals(
                0.0,
                a.transpose()
                        .sub(Entries.matrix(expected, 5, 4, 'f'))
                        .amaxNumber()
                        .doubleValue(),
                0.0);
    }

    /** The GEMM-flag products equal ND4J's mmul of explicit transposes. */
    @Test
    void productsEqualMmulOfTheTransposes() {
        INDArray a = gaussian(3, 5, 17);
        INDArray b = gaussian(3, 4, 18);
        INDArray c = gaussian(4, 5, 19);
        INDArray s = gaussian(3, 3, 20);
        assertTrue(Products.transposeTimes(a, b)
                        .sub(a.transpose().mmul(b))
                        .amaxNumber()
                        .doubleValue()
                < 1e-14);
        assertTrue(Products.timesTranspose(a, c)
                        .sub(a.mmul(c.transpose()))
                        .amaxNumber()
                        .doubleValue()
                < 1e-14);
        assertTrue(Products.times(b.transpose(), a)
                        .sub(b.transpose().mmul(a))
                        .amaxNumber()
                        .doubleValue()
                < 1e-14);
        assertTrue(Products.congruence(a, s)
                        .sub(a.transpose().mmul(s).mmul(a))
                        .amaxNumber()
                        .doubleValue()
                < 1e-13);
        assertEquals('c', Products.times(a.dup('f'), c.transpose().dup('f')).ordering());
    }

    @Test
    void similaritiesMatchTheArrayImplementation() {
        INDArray a = gaussian(5, 5, 8);
        INDArray b = gaussian(5, 5, 9).addi(a);
        assertEquals(Similarity.pearson(rows(a), rows(b)), Similarity.pearson(a, b), 1e-14);
        assertEquals(Similarity.cosine(rows(a), rows(b)), Similarity.cosine(a, b), 1e-14);
        assertEquals(Matrices.relativeError(rows(a), rows(b)), Similarity.relativeDistance(a, b), 1e-14);
        assertEquals(
                Similarity.pearson(a, b),
                Similarity.pearson(a.dup('f'), b.transpose().transpose()),
                1e-15);
    }

    /** Roots formed in the row space of W (r = 3 of d = 8) equal the roots formed in the whole space. */
    @Test
    void rootsInTheRowSpaceEqualTheFullRoots() {
        INDArray w = gaussian(3, 8, 10);
        INDArray b = gaussian(3, 3, 11);
        INDArray c = gaussian(3, 8, 12);
        INDArray fact = w.transpose().mmul(c);
        INDArray agop = FeatureMatrices.pullBack(w, b.mmul(b.transpose()));
        INDArray enfa = FeatureMatrices.pullBack(w, c.mmul(c.transpose()));
        INDArray wtw = w.transpose().mmul(w);
        INDArray range = NativeLinearAlgebra.svd(w)[2].transpose();
        Map<Prediction, INDArray> full = new FeatureSet(wtw, fact, agop, enfa, null).predictions(3);
        Map<Prediction, INDArray> restricted = new FeatureSet(wtw, fact, agop, enfa, range).predictions(3);
        assertEquals(full.keySet(), restricted.keySet());
        full.forEach((p, m) -> assertTrue(m.sub(restricted.get(p)).amaxNumber().doubleValue() < 1e-10, p.id()));
    }
}
