package org.factlab.ui.run;

import com.vaadin.flow.component.html.Div;
import org.factlab.experiments.inspect.InspectKind;
import org.factlab.experiments.paper.Departures;
import org.factlab.runs.Run;

/**
 * A one-sentence banner at the top of a run whose preset deliberately departs from the paper, or of an {@code inspect}
 * run (FACT holds only at a critical point of the stated objective); hidden otherwise.
 */
final class DepartureBanner extends Div {

    DepartureBanner() {
        setId("departure");
        setVisible(false);
        getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4d6)")
                .set("border-left", "4px solid var(--lumo-warning-color, #e0a800)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%")
                .set("box-sizing", "border-box");
    }

    void show(Run run) {
        String departure = run.preset() == null ? null : Departures.of(run.kind(), run.preset()).orElse(null);
        if (departure == null && InspectKind.ID.equals(run.kind())) {
            departure = InspectKind.CRITICAL_POINT;
        }
        setText(departure == null ? "" : departure);
        setVisible(departure != null);
    }
}
