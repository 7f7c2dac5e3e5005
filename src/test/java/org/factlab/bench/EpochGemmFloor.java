package org.factlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import org.factlab.nn.mlp.NativeBuffer;
import org.factlab.nn.mlp.NativeMatrix;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The GEMMs of one float32 training epoch of a dense network and nothing else — the floor under any trainer that
 * computes the same products with the same BLAS on the same thread: per minibatch of B examples (feature-major,
 * as {@code LeanNetwork}), Z_l = W_l·H_{l−1} for every layer, ∇W_l = Δ_l·H_{l−1}ᵀ for every layer, and
 * Δ_{l−1} = W_lᵀ·Δ_l for every layer but the first (no trainer needs the input's gradient). Buffers are allocated
 * once; the values do not matter for the time.
 */
final class EpochGemmFloor {

    private final int[] widths;
    private final int n;
    private final int batch;
    private final NativeMatrix[] weights;
    private final NativeMatrix[] gradients;
    private final Map<Integer, Pass> passes = new HashMap<>();

    /**
     * @param widths layer widths, input first (e.g. 784, 1024, 1024, 10)
     * @param n      examples per epoch
     * @param batch  minibatch size (the last minibatch holds the rest)
     */
    EpochGemmFloor(int[] widths, int n, int batch) {
        this.widths = widths.clone();
        this.n = n;
        this.batch = batch;
        this.weights = layerMatrices(widths);
        this.gradients = layerMatrices(widths);
    }

    /** {best wall s, best CPU s of this thread} over {@code epochs} epochs after one warm-up. */
    double[] best(int epochs) {
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int e = 0; e <= epochs; e++) {
            long cpuStart = thread.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            epoch();
            if (e > 0) {
                best[0] = Math.min(best[0], (System.nanoTime() - start) / 1e9);
                best[1] = Math.min(best[1], (thread.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
        }
        return best;
    }

    private void epoch() {
        for (int from = 0; from < n; from += batch) {
            step(Math.min(batch, n - from));
        }
    }

    private void step(int b) {
        Pass pass = passes.computeIfAbsent(b, Pass::new);
        int layers = widths.length - 1;
        for (int l = 1; l <= layers; l++) {
            pass.h[l].gemm(weights[l - 1], false, pass.h[l - 1], false, 1, 0);
        }
        for (int l = layers; l >= 1; l--) {
            gradients[l - 1].gemm(pass.delta[l], false, pass.h[l - 1], true, 1, 0);
            if (l > 1) {
                pass.delta[l - 1].gemm(weights[l - 1], true, pass.delta[l], false, 1, 0);
            }
        }
    }

    /** Activations and deltas of a minibatch of b examples, one buffer each. */
    private final class Pass {
        final NativeMatrix[] h = new NativeMatrix[widths.length];
        final NativeMatrix[] delta = new NativeMatrix[widths.length];

        Pass(int b) {
            for (int l = 0; l < widths.length; l++) {
                h[l] = matrix(widths[l], b);
                delta[l] = matrix(widths[l], b);
            }
        }
    }

    private static NativeMatrix[] layerMatrices(int[] widths) {
        NativeMatrix[] out = new NativeMatrix[widths.length - 1];
        for (int l = 0; l < out.length; l++) {
            out[l] = matrix(widths[l + 1], widths[l]);
        }
        return out;
    }

    private static NativeMatrix matrix(int rows, int cols) {
        return new NativeMatrix(NativeBuffer.allocate(DataType.FLOAT, (long) rows * cols), 0, rows, cols);
    }
}
