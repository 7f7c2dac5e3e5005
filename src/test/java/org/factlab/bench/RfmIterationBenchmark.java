package org.factlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.Features;
import org.factlab.kernels.KernelFunction;
import org.factlab.kernels.KernelRidge;
import org.factlab.kernels.Normalization;
import org.factlab.kernels.Precision;
import org.factlab.kernels.RecursiveFeatureMachine;
import org.factlab.kernels.RfmOptions;
import org.factlab.math.NativeLinearAlgebra;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seconds per RFM iteration (Algorithm 1: kernel matrix and κ, Cholesky solve, NFA or FACT update) at
 * d = 50 on 3-sparse parity data (Gaussian kernel, L = 5, reg = 1e-3), for n = 1000, 5000, 10000 (or the
 * sizes given as arguments), float64 and float32, each phase as a ratio to its floor: its FLOPs at the GEMM
 * and Cholesky rates measured in this process just before (square GEMM of 2048; a bare Cholesky solve of
 * the same n), best of {@value #TIMED_ITERATIONS} iterations after a warm-up.
 * Not a test: run it with {@code bench/rfm.sh}.
 */
public final class RfmIterationBenchmark {

    private static final int D = 50;
    private static final int TIMED_ITERATIONS = 3;
    /** A small ridge keeps float32 on the Cholesky path (reg = 0 in float32 falls back to LDLᵀ). */
    private static final double REG = 1e-3;

    private RfmIterationBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0
                ? new int[] {1000, 5000, 10000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int threads = Integer.getInteger("factlab.cpu-threads", 1);
        ComputeBackendProbe.useCpuThreads(threads);
        System.out.println(
                "ND4J: " + ComputeBackendProbe.describe().summary() + " (factlab.cpu-threads=" + threads + ")");
        BenchMachine.printLoad("before");
        System.out.printf(
                Locale.ROOT,
                "| n | precision | update | kernel s (×floor) | solve s (×floor) "
                        + "| update s (×floor) | iteration s (×floor) |%n|---|---|---|---|---|---|---|%n");
        for (int n : sizes) {
            double[][] x = signs(n, 1);
            double[][] y = parityLabels(x);
            for (Precision precision : Precision.values()) {
                for (FeatureUpdate update : List.of(FeatureUpdate.NFA, FeatureUpdate.FACT_GEOMETRIC)) {
                    // rates right before the timing: on a shared machine the load drifts
                    double gemmRate = BenchMachine.gemmFlopsPerSecond(
                            precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT);
                    double choleskyRate = choleskyFlopsPerSecond(n, precision);
                    report(n, precision, update, time(x, y, precision, update), gemmRate, choleskyRate);
                }
            }
        }
        BenchMachine.printLoad("after");
    }

    /** Best-of-{@value #TIMED_ITERATIONS} seconds of each phase {kernel, solve, update} after one warm-up. */
    private static double[] time(double[][] x, double[][] y, Precision precision, FeatureUpdate update) {
        RfmOptions options = new RfmOptions(
                KernelFunction.GAUSSIAN,
                5,
                REG,
                update,
                0.5,
                false,
                update == FeatureUpdate.NFA ? Normalization.NONE : Normalization.TRACE,
                false,
                precision);
        RecursiveFeatureMachine rfm = new RecursiveFeatureMachine(x, y, options);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int t = 0; t <= TIMED_ITERATIONS; t++) {
            long start = System.nanoTime();
            rfm.computeKernel();
            long kernelDone = System.nanoTime();
            rfm.solve();
            long solveDone = System.nanoTime();
            Features features = rfm.featuresForUpdate();
            rfm.update(features);
            long updateDone = System.nanoTime();
            if (rfm.factorization() != KernelRidge.Factorization.CHOLESKY) {
                throw new IllegalStateException("the solve fell back to " + rfm.factorization());
            }
            if (t > 0) {
                best[0] = Math.min(best[0], (kernelDone - start) / 1e9);
                best[1] = Math.min(best[1], (solveDone - kernelDone) / 1e9);
                best[2] = Math.min(best[2], (updateDone - solveDone) / 1e9);
            }
        }
        return best;
    }

    private static void report(
            int n, Precision precision, FeatureUpdate update, double[] seconds, double gemmRate, double choleskyRate) {
        double nn = (double) n * n;
        // X M, then the one distance GEMM [−2XM | xᵀMx | 𝟙]·[X | 𝟙 | xᵀMx]ᵀ
        double kernelFloor = (2.0 * n * D * D + 2 * nn * (D + 2)) / gemmRate;
        double solveFloor = (nn * n / 3 + 2 * nn) / choleskyRate;
        // both updates (c = 1) are built from the one GEMM κ·[α | α ∘ X] (the d×d algebra is negligible)
        double updateFloor = nn * (2 + 2 * D) / gemmRate;
        double total = seconds[0] + seconds[1] + seconds[2];
        double floor = kernelFloor + solveFloor + updateFloor;
        System.out.printf(
                Locale.ROOT,
                "| %d | %s | %s | %.3f (%.1f) | %.3f (%.2f) | %.3f (%.1f) | %.3f (%.2f) |%n",
                n,
                precision.id(),
                update.id(),
                seconds[0],
                seconds[0] / kernelFloor,
                seconds[1],
                seconds[1] / solveFloor,
                seconds[2],
                seconds[2] / updateFloor,
                total,
                total / floor);
    }

    /**
     * FLOP/s (n³/3 + 2n²) of a bare LAPACKE ?posv (through the native gateway, no other work) on an SPD n×n matrix with
     * one right-hand side (best of two).
     */
    private static double choleskyFlopsPerSecond(int n, Precision precision) {
        DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        INDArray spd = Nd4j.rand(type, n, D);
        spd = spd.mmul(spd.transpose()).addi(Nd4j.eye(n).castTo(type).muli(n));
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 2; r++) {
            INDArray a = spd.dup('f');
            INDArray b = Nd4j.ones(type, n, 1).dup('f');
            long start = System.nanoTime();
            int info = NativeLinearAlgebra.choleskySolve(a, b);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (info != 0) {
                throw new IllegalStateException("posv info " + info);
            }
        }
        return ((double) n * n * n / 3 + 2.0 * n * n) / best;
    }

    private static double[][] signs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][D];
        for (double[] row : x) {
            for (int k = 0; k < D; k++) {
                row[k] = (random.nextBoolean() ? 1 : -1) / Math.sqrt(D);
            }
        }
        return x;
    }

    /** 3-sparse parity labels on coordinates 0, 1, 2. */
    private static double[][] parityLabels(double[][] x) {
        List<double[]> out = new ArrayList<>();
        for (double[] row : x) {
            out.add(new double[] {row[0] * row[1] * row[2] > 0 ? 1 : 0});
        }
        return out.toArray(double[][]::new);
    }
}
