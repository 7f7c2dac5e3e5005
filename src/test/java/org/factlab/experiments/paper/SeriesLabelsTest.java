package org.factlab.experiments.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.quadratic.QuadraticKind;
import org.factlab.experiments.tabular.TabularKind;
import org.junit.jupiter.api.Test;

class SeriesLabelsTest {

    @Test
    void similaritiesInThePapersNotationWithoutTexSource() {
        MlpKind mlp = new MlpKind();
        assertThat(SeriesLabels.label(mlp, "layer1/fact/pearson")).isEqualTo("Pearson correlation of FACT with W₁ᵀW₁");
        assertThat(SeriesLabels.label(mlp, "layer1/agop_1_over_L/cosine"))
                .isEqualTo("cosine similarity of AGOP¹ᐟᴸ with W₁ᵀW₁");
        assertThat(SeriesLabels.legend(Optional.of(mlp), "layer2/agop_1_over_L/pearson"))
                .isEqualTo("AGOP¹ᐟᴸ");
    }

    @Test
    void otherKeysByTheLabelTheirRunPageDeclares() {
        assertThat(SeriesLabels.label(new TabularKind(), "mean_test_accuracy/nfa"))
                .isEqualTo("Mean test accuracy, NFA-RFM");
        QuadraticKind quadratic = new QuadraticKind();
        assertThat(SeriesLabels.label(quadratic, "objective")).isEqualTo("Objective Lλ");
        assertThat(SeriesLabels.label(quadratic, "fact/relerr"))
                .doesNotContain("_F")
                .contains("‖FACT − WᵀW‖F");
    }

    @Test
    void undeclaredKeysInWords() {
        Optional<ExperimentKind<?>> none = Optional.empty();
        assertThat(SeriesLabels.label(none, "test/accuracy")).isEqualTo("Test accuracy");
        assertThat(SeriesLabels.words("layer2/grad_norm")).isEqualTo("Grad norm, layer 2");
        assertThat(SeriesLabels.matrix("layer1/WtW")).isEqualTo("WᵀW, layer 1");
    }
}
