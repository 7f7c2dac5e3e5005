package org.factlab.ui.base;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.factlab.runs.Run;
import org.factlab.runs.RunStatus;

/** A run's status as a coloured label, with the percentage while it is running. */
public final class StatusBadge extends Span {

    public StatusBadge(Run r) {
        super(
                r.status() == RunStatus.RUNNING
                        ? "RUNNING " + Math.round(100 * r.progress()) + "%"
                        : r.status().name());
        addClassNames("status-badge", "status-" + r.status().name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("data-status", r.status().name());
    }
}
