package org.factlab.ui.run;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.factlab.experiments.paper.PaperRow;
import org.factlab.experiments.paper.Verdict;
import org.factlab.ui.base.Formats;
import org.factlab.ui.paper.VerdictBadge;

/**
 * The paper's printed value, the lab's reference and this run's value of each compared series, with the badge
 * once the run has ended (matches within the tolerance, differs, nothing to compare). Hidden for presets without
 * values.
 */
final class PaperComparison extends VerticalLayout {

    private final Grid<PaperRow> grid = new Grid<>();
    private final VerdictBadge badge = new VerdictBadge("paper-verdict");
    private Map<String, Double> actual = Map.of();

    PaperComparison() {
        setId("expected");
        setPadding(false);
        grid.setId("paper-values");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        // as wide as the page allows (80em at most); on a narrow window the table scrolls inside itself
        grid.setWidthFull();
        grid.setMaxWidth("80em");
        add(new HorizontalLayout(new H3("The paper, the lab, this run"), badge), grid);
        setVisible(false);
    }

    /** @param label the kind's label of a series ({@code ExperimentKind.seriesLabel}) */
    void show(List<PaperRow> rows, Map<String, Double> summary, boolean finished, UnaryOperator<String> label) {
        setVisible(!rows.isEmpty());
        actual = summary;
        grid.removeAllColumns();
        grid.addColumn(r -> label.apply(r.series()))
                .setHeader("value")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.paper() == null ? "not printed" : r.printed(Formats::printed))
                .setHeader("paper")
                .setAutoWidth(true);
        grid.addColumn(r -> r.reference() == null ? "—" : Formats.printed(r.reference()))
                .setHeader("lab reference")
                .setAutoWidth(true);
        grid.addColumn(r -> actual.containsKey(r.series()) ? Formats.number(actual.get(r.series())) : "—")
                .setHeader("this run")
                .setAutoWidth(true);
        grid.addColumn(r -> r.paper() != null && !"=".equals(r.relation()) && !"≈".equals(r.relation())
                        ? "the bound itself"
                        : "± " + Formats.printed(r.tolerance()))
                .setHeader("tolerance")
                .setAutoWidth(true);
        grid.addColumn(PaperRow::note).setHeader("note").setWidth("24em").setFlexGrow(2);
        grid.setItems(rows);
        badge.setVisible(finished);
        badge.show(Verdict.of(rows, summary));
    }
}
