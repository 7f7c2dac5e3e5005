package org.factlab.ui.run.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.factlab.experiments.sections.Declared;
import org.factlab.experiments.sections.Section;
import org.junit.jupiter.api.Test;

/** Every declared section gets its renderer, and a section type without one is refused rather than left out. */
class SectionPanelsTest {

    /** A section type the run page has no renderer for. */
    private record Unknown(String id, String title) implements Section {
        @Override
        public List<Declared> declared() {
            return List.of();
        }
    }

    @Test
    void aSectionTypeWithoutARendererIsRefusedByName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new SectionPanels(List.of(new Unknown("mystery", "Mystery")), "/api/runs/r1", (p, s) -> {}));
        assertTrue(e.getMessage().contains("Unknown") && e.getMessage().contains("mystery"), e.getMessage());
    }

    @Test
    void everySectionOfEveryKindHasAComponentInPageOrderThenTheOtherSeries() {
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            SectionPanels panels = new SectionPanels(kind.sections(), "/api/runs/r1", (p, s) -> {});
            assertEquals(kind.sections().size() + 1, panels.components().size(), kind.id());
        }
    }
}
