package org.factlab.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.factlab.math.FeatureSet;
import org.factlab.math.Matrices;
import org.factlab.math.Prediction;
import org.factlab.math.Similarity;
import org.factlab.math.SymmetricEigen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The probe's root-based series — √(FACT·FACTᵀ), √AGOP, AGOP^{1/(L−l)}, √eNFA, forward and backward — against an
 * independent computation: the same feature matrices taken to their roots in plain Java by the Jacobi method
 * ({@link SymmetricEigen}, no LAPACK), with the documented round-off rule (eigenvalues up to d·ε·λ_max set to 0,
 * {@code PsdMatrices.powers}), and Pearson and cosine recomputed. A wrong native eigendecomposition or SVD (OpenBLAS
 * 0.3.19's under its SkylakeX kernels gave cos(√AGOP, WᵀW) 0.198 instead of 0.739 on {@code mlp} {@code quick})
 * fails here. The networks have layers narrower than their inputs, so the row-space path of the roots (thin SVD of W)
 * is taken too.
 */
class ProbeRootsReferenceTest {

    private static final double LAMBDA = 0.05;

    @AfterEach
    void release() {
        MlpProbe.releaseMemory();
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"RELU", "TANH"})
    void everyRootSeriesMatchesTheJacobiReference(Activation activation) {
        MlpArchitecture a = new MlpArchitecture(12, 8, 3, 3, activation, true);
        INDArray x = MlpFixtures.gaussian(40, 12, 1, 41);
        INDArray y = MlpFixtures.gaussian(40, 3, 1, 42);
        ProbeResult result = new MlpProbe(MlpFixtures.randomWeights(a, 43), activation, 40).probe(x, y, LAMBDA);
        for (int l = 0; l < a.depth(); l++) {
            ProbeResult.LayerComparison measured = result.compare(l, true, Set.of());
            ProbeResult.LayerFeatures features = result.layer(l);
            assertRoots(features.forward(), result.agopRoot(l), measured.forward(), "layer" + (l + 1) + "/forward");
            assertRoots(features.backward(), 0, measured.backward(), "layer" + (l + 1) + "/backward");
        }
    }

    private static void assertRoots(FeatureSet side, int agopRoot, FeatureSet.Comparison measured, String where) {
        double[][] reference = side.reference().toDoubleMatrix();
        double[][] fact = side.fact().toDoubleMatrix();
        double[][] agop = side.agop().toDoubleMatrix();
        assertSimilar(
                root(Matrices.multiply(fact, Matrices.transpose(fact)), 0.5),
                reference,
                Prediction.SYM_FACT,
                measured,
                where);
        assertSimilar(root(agop, 0.5), reference, Prediction.SQRT_AGOP, measured, where);
        if (agopRoot > 0) {
            assertSimilar(root(agop, 1.0 / agopRoot), reference, Prediction.AGOP_1_OVER_L, measured, where);
        }
        assertSimilar(root(side.enfa().toDoubleMatrix(), 0.5), reference, Prediction.SQRT_ENFA, measured, where);
    }

    private static void assertSimilar(
            double[][] root, double[][] reference, Prediction p, FeatureSet.Comparison measured, String where) {
        assertEquals(Similarity.pearson(root, reference), measured.pearson().get(p), 1e-7, where + " pearson " + p);
        assertEquals(Similarity.cosine(root, reference), measured.cosine().get(p), 1e-7, where + " cosine " + p);
    }

    /** A^s of a symmetric PSD matrix by Jacobi, eigenvalues up to d·ε·λ_max set to 0. */
    private static double[][] root(double[][] a, double s) {
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double roundOff = a.length * Math.ulp(1.0) * Math.max(0, eigen.values()[0]);
        return eigen.reassemble(lambda -> lambda > roundOff ? Math.pow(lambda, s) : 0);
    }
}
