package org.factlab.experiments.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factlab.experiments.mlp.MlpKind;
import org.junit.jupiter.api.Test;

class PageOrderTest {

    @Test
    void aFigureListsTheCurvesInTheRunPagesOrderSoThatColoursMatch() {
        List<String> byName = List.of(
                "layer2/agop/pearson",
                "layer2/agop_1_over_L/pearson",
                "layer2/enfa/pearson",
                "layer2/fact/pearson",
                "layer2/sqrt_agop/pearson");
        assertThat(PageOrder.of(new MlpKind(), byName))
                .containsExactly(
                        "layer2/fact/pearson",
                        "layer2/agop/pearson",
                        "layer2/sqrt_agop/pearson",
                        "layer2/agop_1_over_L/pearson",
                        "layer2/enfa/pearson");
    }
}
