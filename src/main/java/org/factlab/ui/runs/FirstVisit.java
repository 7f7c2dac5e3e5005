package org.factlab.ui.runs;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.factlab.ui.paper.PaperView;

/** The runs list's invitation while it is empty: reproduce a figure of the paper from the paper page. */
final class FirstVisit extends Div {

    FirstVisit() {
        setId("first-visit");
        RouterLink paper = new RouterLink("Reproduce a figure of the paper", PaperView.class);
        paper.setId("first-visit-paper");
        add(
                new Span("No runs yet. "),
                paper,
                new Span(" — Figure 4 takes a few seconds; every card shows the "
                        + "paper's numbers beside the lab's."));
        getStyle()
                .set("padding", "var(--lumo-space-m)")
                .set("background", "var(--lumo-primary-color-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("width", "100%")
                .set("box-sizing", "border-box");
    }
}
