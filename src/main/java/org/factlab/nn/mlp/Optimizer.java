package org.factlab.nn.mlp;

import java.util.Arrays;
import java.util.List;

/**
 * The optimiser of the MLP ({@link ParameterUpdate}). Weight decay is always coupled L2 (λθ added to the gradient
 * before the optimiser step), so every choice has the fixed points of L_λ = L + (λ/2)‖θ‖².
 */
public enum Optimizer {
    /** SGD; with momentum μ &gt; 0 PyTorch's heavy ball, with μ = 0 plain SGD. */
    SGD("sgd"),
    /**
     * Adam as DL4J's (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on ∇L + λθ, PyTorch's {@code Adam(weight_decay=λ)}; DL4J puts
     * ε after the bias correction of √v (ε√(1 − β₂ᵗ) in PyTorch's terms), a negligible difference.
     */
    ADAM("adam");

    private final String id;

    Optimizer(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Optimizer::id).toList();
    }

    public static Optimizer fromId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown optimizer '" + id + "'; allowed: " + ids()));
    }
}
