package org.factlab.experiments.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexTextTest {

    @Test
    void scriptsBecomeUnicodeSuperscriptsAndSubscripts() {
        assertThat(TexText.of("AGOP^{1/L}")).isEqualTo("AGOP¹ᐟᴸ");
        assertThat(TexText.of("AGOP^{1/(L−ℓ+1)}")).isEqualTo("AGOP¹ᐟ⁽ᴸ⁻ˡ⁺¹⁾");
        assertThat(TexText.of("‖M_t − M_{t−1}‖")).isEqualTo("‖Mₜ − Mₜ₋₁‖");
        assertThat(TexText.of("x_i[p]")).isEqualTo("xᵢ[p]");
    }

    @Test
    void scriptsWithoutAUnicodeFormAreSetInlineWithoutTheirMarkers() {
        assertThat(TexText.of("Loss L and objective L_λ")).isEqualTo("Loss L and objective Lλ");
        assertThat(TexText.of("‖FACT − WᵀW‖_F / ‖WᵀW‖_F")).isEqualTo("‖FACT − WᵀW‖F / ‖WᵀW‖F");
        assertThat(TexText.of("‖∇_θ L_λ‖")).doesNotContain("_").doesNotContain("^");
    }

    @Test
    void keysAndPlainTextPassUnchanged() {
        assertThat(TexText.of("test_accuracy")).isEqualTo("test_accuracy");
        assertThat(TexText.of("layer1/sqrt_agop/pearson")).isEqualTo("layer1/sqrt_agop/pearson");
        assertThat(TexText.of("grad_x")).isEqualTo("grad_x");
        assertThat(TexText.of("Pearson correlation of FACT with W₁ᵀW₁"))
                .isEqualTo("Pearson correlation of FACT with W₁ᵀW₁");
        assertThat(TexText.of(null)).isNull();
    }
}
