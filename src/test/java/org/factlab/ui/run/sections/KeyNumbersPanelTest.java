package org.factlab.ui.run.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.junit.jupiter.api.Test;

/** Key numbers say "Final" only once the run has recorded its summary; before, the live value is the latest. */
class KeyNumbersPanelTest {

    private static final KeyNumbersSection SECTION = new KeyNumbersSection(
            "key-numbers",
            "Key numbers",
            List.of(KeyNumber.of("test/accuracy", "Final test accuracy", Format.PERCENT)));

    @Test
    void aValueFromTheLiveSeriesIsTheLatestAndTheSummarysIsFinal() {
        Map<String, double[][]> curves = Map.of("test/accuracy", new double[][] {{1, 2}, {0.5, 0.75}});
        RunPageData running = new RunPageData(curves, Map.of(), List.of(), Map.of());
        assertEquals(
                List.of("Latest test accuracy"),
                List.copyOf(KeyNumbersPanel.rows(SECTION, running).keySet()));
        RunPageData finished = new RunPageData(curves, Map.of("test/accuracy", 0.75), List.of(), Map.of());
        assertEquals(
                List.of("Final test accuracy"),
                List.copyOf(KeyNumbersPanel.rows(SECTION, finished).keySet()));
    }
}
