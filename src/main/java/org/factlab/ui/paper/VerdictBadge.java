package org.factlab.ui.paper;

import com.vaadin.flow.component.html.Span;
import java.util.Map;
import org.factlab.experiments.paper.Verdict;

/** The badge of a comparison with the paper: matches, differs, nothing to compare, not run yet. */
public final class VerdictBadge extends Span {

    private static final Map<Verdict, String[]> COLOURS = Map.of(
            Verdict.MATCHES, new String[] {"--lumo-success-color-10pct", "--lumo-success-text-color"},
            Verdict.DIFFERS, new String[] {"--lumo-error-color-10pct", "--lumo-error-text-color"},
            Verdict.NOTHING_TO_COMPARE, new String[] {"--lumo-contrast-10pct", "--lumo-secondary-text-color"},
            Verdict.NOT_RUN_YET, new String[] {"--lumo-contrast-10pct", "--lumo-secondary-text-color"});

    public VerdictBadge(String id) {
        setId(id);
        addClassName("status-badge");
    }

    public void show(Verdict verdict) {
        setText(verdict.label());
        getElement().setAttribute("data-verdict", verdict.label());
        String[] colours = COLOURS.get(verdict);
        getStyle().set("background", "var(" + colours[0] + ")").set("color", "var(" + colours[1] + ")");
    }
}
