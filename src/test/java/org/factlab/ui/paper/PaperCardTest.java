package org.factlab.ui.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.paper.PaperFigure;
import org.factlab.experiments.paper.PaperFigures;
import org.junit.jupiter.api.Test;

class PaperCardTest {

    private final PaperFigure figure4 =
            PaperFigures.find("fig4", (kind, preset) -> Map.of()).orElseThrow();

    @Test
    void aCardStatesItsEstimateOnlyBeforeAnyRunThenTheMeasuredTime() {
        PaperCard card = new PaperCard(figure4, null, s -> s);
        assertThat(meta(card)).contains("on the CPU here (estimate, not run yet)");

        card.show(Optional.empty(), Optional.empty(), Optional.of(Duration.ofSeconds(11)));
        assertThat(meta(card)).contains("took 11 s here (latest result)").doesNotContain("estimate");
    }

    private static String meta(PaperCard card) {
        return card.getChildren()
                .flatMap(c -> c instanceof Span s ? java.util.stream.Stream.of(s) : java.util.stream.Stream.empty())
                .filter(s -> s.getId().orElse("").startsWith("meta-"))
                .findFirst()
                .orElseThrow()
                .getText();
    }
}
