package org.factlab.nn.cnn;

import org.factlab.nn.mlp.Loss;
import org.factlab.nn.mlp.NativeMatrix;

/**
 * The per-sample loss ℓᵢ of {@link Loss} on the c × B outputs of a {@link CnnNetwork.Pass} (an example per column):
 * mean squared error ℓᵢ = (1/c)‖fᵢ − yᵢ‖², ∂ℓᵢ/∂f = (2/c)(fᵢ − yᵢ); cross-entropy ℓᵢ = log Σ_k e^{f_ki} − Σ_k y_ki f_ki,
 * ∂ℓᵢ/∂f = softmax(fᵢ) − yᵢ (docs/science.md, "Objective and losses").
 */
final class OutputLoss {

    private OutputLoss() {
    }

    /** Writes scale · ∂ℓᵢ/∂fᵢ into every column of {@code seed} and returns Σᵢ ℓᵢ. */
    static double lossAndSeed(Loss loss, NativeMatrix f, NativeMatrix y, NativeMatrix seed, double scale) {
        int classes = f.rows;
        int examples = f.cols;
        double sum = 0;
        for (int i = 0; i < examples; i++) {
            if (loss == Loss.MSE) {
                for (int k = 0; k < classes; k++) {
                    int at = k * examples + i;
                    double e = f.buffer.get(f.offset + at) - y.buffer.get(y.offset + at);
                    sum += e * e / classes;
                    seed.buffer.set(seed.offset + at, scale * 2 * e / classes);
                }
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, f.buffer.get(f.offset + k * examples + i));
            }
            double exps = 0;
            for (int k = 0; k < classes; k++) {
                exps += Math.exp(f.buffer.get(f.offset + k * examples + i) - max);
            }
            double logSum = max + Math.log(exps);
            for (int k = 0; k < classes; k++) {
                int at = k * examples + i;
                double fk = f.buffer.get(f.offset + at);
                double yk = y.buffer.get(y.offset + at);
                sum += yk * (logSum - fk);
                seed.buffer.set(seed.offset + at, scale * (Math.exp(fk - logSum) - yk));
            }
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
