package org.factlab.nn.quadratic;

/**
 * Adam with PyTorch's update rule (Kingma &amp; Ba, {@code torch.optim.Adam}): with gradient g at step t,
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − (lr/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε).
 * Weight decay is not applied here: pass the gradient of L_λ (coupled L2), never a decoupled decay.
 */
public final class Adam {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private double beta1Power = 1;
    private double beta2Power = 1;

    public Adam(int parameterCount, double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps >= 0)) {
            throw new IllegalArgumentException("need β₁, β₂ ∈ [0, 1) and ε ≥ 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[parameterCount];
        this.v = new double[parameterCount];
    }

    /** One update of {@code theta} in place with gradient {@code grad} and learning rate {@code lr}. */
    public void step(double[] theta, double[] grad, double lr) {
        beta1Power *= beta1;
        beta2Power *= beta2;
        double stepSize = lr / (1 - beta1Power);
        double sqrtBias2 = Math.sqrt(1 - beta2Power);
        for (int i = 0; i < theta.length; i++) {
            double gi = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtBias2 + eps);
        }
    }
}
