package org.factlab.nn.cnn;

import org.factlab.nn.mlp.ColumnCrossEntropy;
import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.NativeMatrix;

/**
 * The per-sample loss ℓᵢ of {@link Loss} on the c × B outputs of a {@link CnnNetwork.Pass} (an example per column):
 * mean squared error ℓᵢ = (1/c)‖fᵢ − yᵢ‖², ∂ℓᵢ/∂f = (2/c)(fᵢ − yᵢ); cross-entropy ℓᵢ = log Σ_k e^{f_ki} − Σ_k y_ki
 * f_ki, ∂ℓᵢ/∂f = softmax(fᵢ) − yᵢ (docs/science.md, "Objective and losses").
 */
final class OutputLoss {

    private OutputLoss() {}

    /** Writes ∂ℓᵢ/∂fᵢ / divisor into every column of {@code seed} and returns Σᵢ ℓᵢ. */
    static double lossAndSeed(Loss loss, NativeMatrix f, NativeMatrix y, NativeMatrix seed, double divisor) {
        if (loss == Loss.CROSS_ENTROPY) {
            return ColumnCrossEntropy.sumAndGradient(f, y, seed, divisor);
        }
        int classes = f.rows;
        double sum = 0;
        for (int at = 0; at < f.size(); at++) {
            double e = f.buffer.get(f.offset + at) - y.buffer.get(y.offset + at);
            sum += e * e / classes;
            seed.buffer.set(seed.offset + at, 2 * e / classes / divisor);
        }
        return sum;
    }

    /** Columns whose largest output is at the target's largest entry (first maximum on ties). */
    static int correct(NativeMatrix f, NativeMatrix y) {
        int count = 0;
        for (int i = 0; i < f.cols; i++) {
            if (argMax(f, i) == argMax(y, i)) {
                count++;
            }
        }
        return count;
    }

    private static int argMax(NativeMatrix m, int column) {
        int best = 0;
        for (int k = 1; k < m.rows; k++) {
            if (m.buffer.get(m.offset + k * m.cols + column) > m.buffer.get(m.offset + best * m.cols + column)) {
                best = k;
            }
        }
        return best;
    }
}
