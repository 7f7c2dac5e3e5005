package org.factlab.nn.mlp;

/**
 * {@link Loss#CROSS_ENTROPY} over the columns of c×B native logits (an example per column), as the lean trainers hold
 * their outputs: ℓᵢ = log Σ_k e^{f_ki} − Σ_k y_ki f_ki and ∂ℓᵢ/∂fᵢ = softmax(fᵢ) − yᵢ, each column shifted by its
 * maximum (docs/science.md, "Objective and losses").
 */
public final class ColumnCrossEntropy {

    private ColumnCrossEntropy() {}

    /**
     * Writes (softmax(fᵢ) − yᵢ) / divisor into every column of {@code gradient} and returns Σᵢ ℓᵢ.
     *
     * @param f        c×B logits; not modified
     * @param y        c×B targets; not modified
     * @param gradient c×B; modified: overwritten
     */
    public static double sumAndGradient(NativeMatrix f, NativeMatrix y, NativeMatrix gradient, double divisor) {
        int classes = f.rows;
        int examples = f.cols;
        double sum = 0;
        for (int i = 0; i < examples; i++) {
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
                gradient.buffer.set(gradient.offset + at, (Math.exp(fk - logSum) - yk) / divisor);
            }
        }
        return sum;
    }
}
