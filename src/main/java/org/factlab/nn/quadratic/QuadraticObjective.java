package org.factlab.nn.quadratic;

/**
 * The population objective of Theorem 3.4 with coupled weight decay,
 * L_λ(θ) = L(θ) + (λ/2)(‖W‖_F² + ‖a‖²), L(θ) = Σᵢ wᵢ ℓᵢ, ℓᵢ = s·(f(xᵢ) − yᵢ)²,
 * over weighted atoms (xᵢ, yᵢ, wᵢ), e.g. those of D(p, τ); s is the loss scale (1 in Appendix D).
 *
 * <p>The parameter gradient uses f(x) = xᵀQx with Q = Σⱼ aⱼwⱼwⱼᵀ (Lemma D.2): with
 * G = ∂L/∂Q = Σᵢ wᵢ 2s(fᵢ − yᵢ) xᵢxᵢᵀ, ∂L/∂aⱼ = wⱼᵀGwⱼ and ∂L/∂wⱼ = 2aⱼGwⱼ. This costs
 * O(n d² + m d²) per step instead of O(n m d), and allocates nothing. Instances keep scratch buffers:
 * one objective per thread.
 */
public final class QuadraticObjective {

    private final double[][] inputs;
    private final double[] targets;
    private final double[] weights;
    private final double lossScale;
    private final double lambda;
    private final int d;
    /** Per atom, the products x_k x_l for k ≤ l (upper triangle, row by row). */
    private final double[][] monomials;

    private final double[] q;
    private final double[] qUpper;
    private final double[] gUpper;
    private final double[] g;
    private final double[] gw;

    /**
     * @param inputs    atoms xᵢ, n × d (not copied: callers must not modify them)
     * @param targets   labels yᵢ
     * @param weights   probability weights wᵢ (wᵢ = 1/n for a training set)
     * @param lossScale s &gt; 0 in ℓᵢ = s·(f(xᵢ) − yᵢ)²
     * @param lambda    λ &gt; 0, the weight decay (coupled L2); FACT divides by it
     */
    public QuadraticObjective(double[][] inputs, double[] targets, double[] weights, double lossScale, double lambda) {
        if (inputs.length == 0 || targets.length != inputs.length || weights.length != inputs.length) {
            throw new IllegalArgumentException("need n ≥ 1 atoms with one target and one weight each");
        }
        if (!(lossScale > 0) || !(lambda > 0)) {
            throw new IllegalArgumentException("need lossScale > 0 and lambda > 0, got " + lossScale + ", " + lambda);
        }
        this.inputs = inputs;
        this.targets = targets;
        this.weights = weights;
        this.lossScale = lossScale;
        this.lambda = lambda;
        this.d = inputs[0].length;
        int upper = d * (d + 1) / 2;
        monomials = new double[inputs.length][upper];
        for (int i = 0; i < inputs.length; i++) {
            double[] x = inputs[i];
            int c = 0;
            for (int k = 0; k < d; k++) {
                for (int l = k; l < d; l++) {
                    monomials[i][c++] = x[k] * x[l];
                }
            }
        }
        q = new double[d * d];
        qUpper = new double[upper];
        gUpper = new double[upper];
        g = new double[d * d];
        gw = new double[d];
    }

    /** Atom inputs xᵢ (n × d). */
    public double[][] inputs() {
        return inputs;
    }

    /** Labels yᵢ. */
    public double[] targets() {
        return targets;
    }

    /** Atom weights wᵢ. */
    public double[] weights() {
        return weights;
    }

    public double lossScale() {
        return lossScale;
    }

    public double lambda() {
        return lambda;
    }

    /** The data term L = Σᵢ wᵢ s (f(xᵢ) − yᵢ)², evaluated atom by atom through the network. */
    public double dataLoss(QuadraticNetwork net) {
        double loss = 0;
        for (int i = 0; i < inputs.length; i++) {
            double r = net.output(inputs[i]) - targets[i];
            loss += weights[i] * lossScale * r * r;
        }
        return loss;
    }

    /** L_λ = L + (λ/2)‖θ‖². */
    public double objective(QuadraticNetwork net) {
        return dataLoss(net) + 0.5 * lambda * net.squaredNorm();
    }

    /** ∇_θ L (data term only) into {@code grad}, laid out like θ. */
    public void dataGradient(QuadraticNetwork net, double[] grad) {
        int m = net.width();
        if (net.inputDim() != d || grad.length != net.parameters().length) {
            throw new IllegalArgumentException("network or gradient buffer does not match d = " + d);
        }
        computeLossMatrix(net);
        double[] theta = net.parameters();
        int aOff = net.outputWeightsOffset();
        for (int j = 0; j < m; j++) {
            int row = j * d;
            double quad = 0;
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += g[k * d + l] * theta[row + l];
                }
                gw[k] = s;
                quad += theta[row + k] * s;
            }
            double twoA = 2 * theta[aOff + j];
            for (int k = 0; k < d; k++) {
                grad[row + k] = twoA * gw[k];
            }
            grad[aOff + j] = quad;
        }
    }

    /** ∇_θ L_λ = ∇_θ L + λθ into {@code grad} (coupled L2, as PyTorch's {@code weight_decay}). */
    public void objectiveGradient(QuadraticNetwork net, double[] grad) {
        dataGradient(net, grad);
        double[] theta = net.parameters();
        for (int i = 0; i < theta.length; i++) {
            grad[i] += lambda * theta[i];
        }
    }

    /** G = Σᵢ wᵢ 2s(fᵢ − yᵢ) xᵢxᵢᵀ into {@link #g} (full d×d, symmetric). */
    private void computeLossMatrix(QuadraticNetwork net) {
        net.quadraticForm(q);
        int c = 0;
        for (int k = 0; k < d; k++) {
            for (int l = k; l < d; l++) {
                // xᵀQx = Σ_k Q_kk x_k² + Σ_{k<l} 2 Q_kl x_k x_l
                qUpper[c] = k == l ? q[k * d + l] : q[k * d + l] + q[l * d + k];
                gUpper[c] = 0;
                c++;
            }
        }
        int upper = qUpper.length;
        for (int i = 0; i < monomials.length; i++) {
            double[] mono = monomials[i];
            double f = 0;
            for (int t = 0; t < upper; t++) {
                f += qUpper[t] * mono[t];
            }
            double dLdf = weights[i] * 2 * lossScale * (f - targets[i]);
            for (int t = 0; t < upper; t++) {
                gUpper[t] += dLdf * mono[t];
            }
        }
        c = 0;
        for (int k = 0; k < d; k++) {
            for (int l = k; l < d; l++) {
                g[k * d + l] = gUpper[c];
                g[l * d + k] = gUpper[c];
                c++;
            }
        }
    }
}
