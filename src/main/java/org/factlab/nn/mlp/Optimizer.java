package org.factlab.nn.mlp;

import org.factlab.choice.Choice;

/**
 * The optimiser of the MLP ({@link ParameterUpdate}). Weight decay is always coupled L2 (λθ added to the gradient
 * before the optimiser step), so every choice has the fixed points of L_λ = L + (λ/2)‖θ‖².
 */
public enum Optimizer implements Choice {
    /** SGD; with momentum μ &gt; 0 PyTorch's heavy ball, with μ = 0 plain SGD. */
    SGD,
    /**
     * Adam as DL4J's (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on ∇L + λθ, PyTorch's {@code Adam(weight_decay=λ)}; DL4J puts
     * ε after the bias correction of √v (ε√(1 − β₂ᵗ) in PyTorch's terms), a negligible difference.
     */
    ADAM
}
