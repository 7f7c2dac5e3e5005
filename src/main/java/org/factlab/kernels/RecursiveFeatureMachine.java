package org.factlab.kernels;

import org.factlab.math.SymmetricStorage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * The Recursive Feature Machine of Algorithm 1 on training data X (n×d) and targets Y (n×c), starting from
 * M = I. One iteration is {@link #computeKernel()} (K and κ for the current M), {@link #solve()} (line 4),
 * then {@link #features} and {@link #update} (line 6). The n×n buffers (K, the solver workspace, κ for the
 * Laplace kernel, a second workspace for the AGOP's κκ form) are allocated once and reused every iteration;
 * {@link #close()} frees them without waiting for the garbage collector.
 */
public final class RecursiveFeatureMachine implements AutoCloseable {

    /** Test points predicted per block (bounds the block kernel to this many rows × n). */
    private static final int PREDICT_BLOCK = 1024;

    private final RfmOptions options;
    private final INDArray x;
    private final INDArray y;
    private final INDArray kernel;
    private final INDArray kappaBuffer;
    private final INDArray workspace;
    private INDArray second;
    private INDArray m;
    private GradientFactors kappa;
    private INDArray alpha;
    private KernelRidge.Factorization factorization;

    /**
     * @param trainX not modified (copied)
     * @param trainY not modified (copied)
     */
    public RecursiveFeatureMachine(double[][] trainX, double[][] trainY, RfmOptions options) {
        if (trainX.length != trainY.length || trainX.length < 2) {
            throw new IllegalArgumentException("needs n ≥ 2 samples with one target row each, got " + trainX.length
                    + " inputs and " + trainY.length + " targets");
        }
        DataType type = options.precision().dataType();
        this.options = options;
        this.x = Rows.toMatrix(trainX, type);
        this.y = Rows.toMatrix(trainY, type);
        int n = trainX.length;
        this.kernel = Nd4j.create(type, n, n);
        this.kappaBuffer = options.kernel().needsKappaBuffer() ? Nd4j.create(type, n, n) : null;
        this.workspace = Nd4j.create(type, n, n);
        this.m = Nd4j.eye(trainX[0].length).castTo(DataType.DOUBLE);
    }

    /**
     * Peak bytes of a machine with these options on n training and nTest test points with d inputs and c
     * outputs: the n×n buffers (K and the solver workspace; κ for the Laplace kernel; a second workspace when
     * the AGOP goes through κκ), a test block, the κ columns of Figure 7's pairs, the n×d temporaries and
     * the data, plus 10%.
     */
    public static long estimateBytes(long n, long nTest, long d, long c, RfmOptions options) {
        long squares = 2
                + (options.kernel().needsKappaBuffer() ? 1 : 0)
                + (KernelFeatures.agopUsesKappaSquared(n, c, d) ? 1 : 0);
        Precision precision = options.precision();
        long elements = squares * n * n
                + Math.min(nTest, PREDICT_BLOCK) * n
                + 2L * TauKPrime.FIGURE7_PAIRS * n
                + (n + nTest) * (d + c) * 4;
        long dataAsJavaArrays = (n + nTest) * (d + c) * Double.BYTES;
        return (long) (1.1 * elements * precision.bytes()) + dataAsJavaArrays;
    }

    /** K(X, X) and κ for the current M: their upper triangles ({@link MahalanobisKernel#symmetric}). */
    public void computeKernel() {
        kappa = MahalanobisKernel.symmetric(
                x, mInPrecision(), options.kernel(), options.bandwidth(), kernel, kappaBuffer);
    }

    /** α = (K + reg·I)⁻¹ Y (Algorithm 1, line 4); throws {@link KernelMachineException} if singular. */
    public void solve() {
        KernelRidge.Solution solution = KernelRidge.solve(kernel, options.reg(), y, workspace);
        alpha = solution.alpha();
        factorization = solution.factorization();
    }

    /** {@link #computeKernel()} then {@link #solve()}. */
    public void fit() {
        computeKernel();
        solve();
    }

    /** Which factorization the last {@link #solve()} used. */
    public KernelRidge.Factorization factorization() {
        return factorization;
    }

    /** f(xᵢ) = K(xᵢ, X) α at the training points (n×c). */
    public double[][] trainPredictions() {
        return Rows.of(SymmetricStorage.symmetricProduct(kernel, alpha));
    }

    /**
     * f(z) = K(z, X) α (Algorithm 1, line 5) at each row of {@code points}.
     *
     * @param points not modified
     */
    public double[][] predict(double[][] points) {
        INDArray z = Rows.toMatrix(points, x.dataType());
        INDArray mm = mInPrecision();
        INDArray out = Nd4j.create(DataType.DOUBLE, points.length, alpha.columns());
        for (int start = 0; start < points.length; start += PREDICT_BLOCK) {
            int end = Math.min(points.length, start + PREDICT_BLOCK);
            INDArray block = Nd4j.create(x.dataType(), end - start, x.rows());
            INDArray rows = z.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            MahalanobisKernel.compute(rows, x, mm, options.kernel(), options.bandwidth(), false, block, null);
            out.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())
                    .assign(block.mmul(alpha).castTo(DataType.DOUBLE));
        }
        return Rows.of(out);
    }

    /**
     * The feature matrices of the current fit: the AGOP when {@code withAgop}, F of Lemma F.1 when
     * {@code withFact} (F reuses the solver workspace, so call it after the predictions); with diagonal M only their
     * diagonals.
     */
    public Features features(boolean withAgop, boolean withFact) {
        if (KernelFeatures.needsWholeMatrix(x.rows(), y.columns(), x.columns(), withAgop, withFact)) {
            kappa = kappa.whole(); // once for both feature matrices and Figure 7's pairs
        }
        OutputContractions products =
                KernelFeatures.needsOutputContractions(x.rows(), y.columns(), x.columns(), withAgop, withFact)
                        ? OutputContractions.of(kappa, alpha, x)
                        : null;
        FeatureShape shape = FeatureShape.of(options.diagonal());
        INDArray agop = withAgop
                ? KernelFeatures.agop(
                        kappa, alpha, x, m, options.center(), products, workspace, secondWorkspace(), shape)
                : null;
        INDArray fact = withFact ? KernelFeatures.fact(kappa, alpha, x, m, products, workspace, shape) : null;
        return new Features(agop, fact, m, shape);
    }

    /** The features the configured update needs: AGOP for NFA, F for FACT, none for plain kernel regression. */
    public Features featuresForUpdate() {
        FeatureUpdate update = options.update();
        return features(update == FeatureUpdate.NFA, update.usesFact());
    }

    /** Line 6 of Algorithm 1: M ← the configured update of {@code features}, then the normalisation. */
    public void update(Features features) {
        INDArray next = options.update()
                .next(
                        m,
                        features.agopArray(),
                        features.factArray(),
                        options.agopPower(),
                        FeatureShape.of(options.diagonal()));
        if (BooleanIndexing.or(next, Conditions.isNan()) || BooleanIndexing.or(next, Conditions.isInfinite())) {
            throw new KernelMachineException("the " + options.update().id() + " update made M non-finite");
        }
        m = options.normalization().apply(next);
    }

    /**
     * Replaces M by a given d×d matrix (e.g. one learned on other rows), so that the next {@link #fit()} refits only
     * α = (K_M + reg·I)⁻¹Y.
     *
     * @param featureMatrix not modified (copied)
     */
    public void useFeatureMatrix(double[][] featureMatrix) {
        if (featureMatrix.length != m.rows() || featureMatrix[0].length != m.columns()) {
            throw new IllegalArgumentException("M must be " + m.rows() + "×" + m.columns());
        }
        m = Rows.toMatrix(featureMatrix, DataType.DOUBLE);
    }

    /** The current feature matrix M (d×d). */
    public double[][] featureMatrix() {
        return Rows.of(m);
    }

    /** Figure 7's τ against k′ for {@code pairs} seeded training pairs of the current fit. */
    public TauKPrime tauVsKPrime(int pairs, long seed) {
        kappa = kappa.whole();
        return TauKPrime.sample(kappa, pairs, seed);
    }

    /** The AGOP's second n×n buffer, allocated on first use when its κκ form is the cheaper one. */
    private INDArray secondWorkspace() {
        if (second == null && KernelFeatures.agopUsesKappaSquared(x.rows(), y.columns(), x.columns())) {
            second = Nd4j.create(x.dataType(), x.rows(), x.rows());
        }
        return second;
    }

    /** Frees the off-heap n×n buffers; the machine cannot be used afterwards. */
    @Override
    public void close() {
        for (INDArray buffer : new INDArray[] {kernel, workspace, kappaBuffer, second}) {
            if (buffer != null && buffer.closeable()) {
                buffer.close();
            }
        }
    }

    private INDArray mInPrecision() {
        return m.castTo(x.dataType());
    }
}
