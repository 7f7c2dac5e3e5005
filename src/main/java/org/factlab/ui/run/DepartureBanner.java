package org.factlab.ui.run;

import com.vaadin.flow.component.html.Div;
import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.paper.Departures;
import org.factlab.runs.Run;

/**
 * A one-sentence banner at the top of a run whose preset deliberately departs from the paper, or else the run note of
 * its kind ({@link ExperimentKind#runNote()}, e.g. inspect's: FACT holds only at a critical point of the stated
 * objective); hidden otherwise.
 */
final class DepartureBanner extends Div {

    DepartureBanner() {
        setId("departure");
        setVisible(false);
        getStyle()
                .set("background", "var(--lumo-warning-color-10pct, #fff4d6)")
                .set("border-left", "4px solid var(--lumo-warning-color, #e0a800)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("width", "100%")
                .set("box-sizing", "border-box");
    }

    /** @param kind the run's kind, empty when this server does not offer it */
    void show(Run run, Optional<ExperimentKind<?>> kind) {
        Optional<String> departure = run.preset() == null ? Optional.empty() : Departures.of(run.kind(), run.preset());
        String text = departure.or(() -> kind.flatMap(ExperimentKind::runNote)).orElse(null);
        setText(text == null ? "" : text);
        setVisible(text != null);
    }
}
