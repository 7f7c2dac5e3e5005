package org.factlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.nn.mlp.Activation;
import org.factlab.nn.mlp.MlpArchitecture;
import org.factlab.nn.mlp.MlpTrainer;
import org.factlab.nn.mlp.Optimizer;
import org.factlab.nn.mlp.TrainingOptions;
import org.factlab.nn.quadratic.LearningRateSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FACT Lab's side of {@code bench/mlp-vs-pytorch.sh}: the best of a few float32 training epochs (after two
 * warm-up epochs) of each workload that {@code bench/mlp_vs_pytorch.py} runs in PyTorch, on synthetic data of the
 * same shape (epoch time does not depend on the values): (a) Table 2, 784→1024→1024→10 ReLU, n = 1000, batch 64,
 * heavy ball 0.9, λ = 1e-4, cosine; (b) Figure 11, deep linear 10→512→5 without bias, n = 5000, batch 128, plain
 * SGD, λ = 1e-2; (c) 5 hidden ReLU layers of width 1024 (784 → … → 10), n = 1000, batch 128, heavy ball 0.9,
 * λ = 1e-4, cosine. Arguments: [timed epochs] [rows, e.g. abc]. Prints {@code row <id> factlab <wall s> <cpu s>}:
 * the best wall time and the best CPU time of the training thread in an epoch (OpenBLAS on one thread runs in
 * the caller; the CPU time stays meaningful on a loaded machine, where a one-thread run gets a fraction of a core),
 * and {@code row <id> gemm-floor <wall s> <cpu s>}: the same epoch's GEMMs alone ({@link EpochGemmFloor}).
 */
public final class MlpVsPyTorchBenchmark {

    private MlpVsPyTorchBenchmark() {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String rows = args.length > 1 ? args[1] : "abc";
        int threads = Integer.getInteger("factlab.cpu-threads", 1);
        ComputeBackendProbe.useCpuThreads(threads);
        System.out.println(
                "# ND4J: " + ComputeBackendProbe.describe().summary() + " (factlab.cpu-threads=" + threads + ")");
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        for (char row : rows.toCharArray()) {
            MlpTrainer trainer = trainer(row);
            trainer.trainEpoch(() -> false);
            trainer.trainEpoch(() -> false);
            double wall = Double.MAX_VALUE;
            double cpu = Double.MAX_VALUE;
            for (int e = 0; e < epochs; e++) {
                long cpuStart = thread.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                trainer.trainEpoch(() -> false);
                wall = Math.min(wall, (System.nanoTime() - start) / 1e9);
                cpu = Math.min(cpu, (thread.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
            if (!Double.isFinite(trainer.lastScore())) {
                throw new IllegalStateException("row " + row + " diverged");
            }
            System.out.printf(Locale.ROOT, "row %c factlab %.5f %.5f%n", row, wall, cpu);
            double[] floor = gemmFloor(row).best(epochs);
            System.out.printf(Locale.ROOT, "row %c gemm-floor %.5f %.5f%n", row, floor[0], floor[1]);
        }
    }

    private static MlpTrainer trainer(char row) {
        return switch (row) {
            case 'a' -> classifier(3, 64);
            case 'b' -> deepLinear();
            case 'c' -> classifier(6, 128);
            default -> throw new IllegalArgumentException("rows are a, b, c; got " + row);
        };
    }

    /** The GEMMs alone of the row's epoch: the same widths, examples and batch as {@link #trainer}. */
    private static EpochGemmFloor gemmFloor(char row) {
        return switch (row) {
            case 'a' -> new EpochGemmFloor(new int[] {784, 1024, 1024, 10}, 1000, 64);
            case 'b' -> new EpochGemmFloor(new int[] {10, 512, 5}, 5000, 128);
            case 'c' -> new EpochGemmFloor(new int[] {784, 1024, 1024, 1024, 1024, 1024, 10}, 1000, 128);
            default -> throw new IllegalArgumentException("rows are a, b, c; got " + row);
        };
    }

    /** 784 → 1024 … → 10 ReLU with bias on n = 1000 U[0, 1) inputs and one-hot labels, heavy ball, cosine. */
    private static MlpTrainer classifier(int depth, int batch) {
        int n = 1000;
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        double[] y = new double[n * 10];
        for (int i = 0; i < n; i++) {
            y[i * 10 + random.nextInt(10)] = 1;
        }
        MlpArchitecture arch = new MlpArchitecture(784, 1024, depth, 10, Activation.RELU, true);
        TrainingOptions options =
                new TrainingOptions(Optimizer.SGD, 0.1, 0.9, 1e-4, LearningRateSchedule.COSINE, 200, batch, 0L);
        return new MlpTrainer(arch, options, matrix(x, n, 784), matrix(y, n, 10), DataType.FLOAT);
    }

    /** 10 → 512 → 5, identity, no bias, x ~ N(0, I), y = W*x, plain SGD at 5e-3, λ = 1e-2 (Appendix C). */
    private static MlpTrainer deepLinear() {
        int n = 5000;
        SplittableRandom random = new SplittableRandom(2);
        double[] target = new double[5 * 10];
        for (int i = 0; i < target.length; i++) {
            target[i] = random.nextGaussian();
        }
        double[] x = new double[n * 10];
        double[] y = new double[n * 5];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 10; i++) {
                x[s * 10 + i] = random.nextGaussian();
            }
            for (int k = 0; k < 5; k++) {
                for (int i = 0; i < 10; i++) {
                    y[s * 5 + k] += target[k * 10 + i] * x[s * 10 + i];
                }
            }
        }
        MlpArchitecture arch = new MlpArchitecture(10, 512, 2, 5, Activation.IDENTITY, false);
        TrainingOptions options =
                new TrainingOptions(Optimizer.SGD, 5e-3, 0, 1e-2, LearningRateSchedule.CONSTANT, 5000, 128, 0L);
        return new MlpTrainer(arch, options, matrix(x, n, 10), matrix(y, n, 5), DataType.FLOAT);
    }

    private static INDArray matrix(double[] values, int rows, int cols) {
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }
}
