package org.factlab.ui.paper;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.factlab.experiments.paper.PaperFigure;
import org.factlab.experiments.paper.PaperRow;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.paper.Verdict;
import org.factlab.paperresults.PaperResults;
import org.factlab.runs.Run;
import org.factlab.ui.base.Formats;

/**
 * One figure or table of the paper: its caption, the preset that reproduces it, its CPU time (or GPU scale), a
 * launch button, and the latest result beside the paper's printed values with a badge.
 */
final class PaperCard extends Div {

    private final PaperFigure figure;
    private final Grid<PaperRow> values = new Grid<>();
    private final VerdictBadge badge;
    private final Span result = new Span();
    private final Span meta = new Span();
    private final Paragraph reason = new Paragraph();
    private Map<String, Double> latest = Map.of();

    /**
     * @param launch what the card's button does; null where the visitor may not launch
     * @param label  a series' short label as the paper writes it ({@code ExperimentKind.curveLabel})
     */
    PaperCard(PaperFigure figure, Runnable launch, UnaryOperator<String> label) {
        this.figure = figure;
        setId("card-" + figure.id());
        getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)")
                .set("box-sizing", "border-box");
        badge = new VerdictBadge("verdict-" + figure.id());
        H3 title = new H3(TexText.of(figure.title()));
        title.getStyle().set("margin", "0");
        HorizontalLayout top = new HorizontalLayout(title, badge);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Paragraph caption = new Paragraph(TexText.of(figure.caption()));
        caption.getStyle().set("font-style", "italic").set("margin", "var(--lumo-space-xs) 0");
        meta.setText(meta(figure, Optional.empty()));
        meta.addClassName("run-meta");
        meta.setId("meta-" + figure.id());
        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (launch != null) {
            actions.add(button(launch));
        }
        result.setId("result-" + figure.id());
        actions.add(result);
        values.setId("values-" + figure.id());
        // labels wrap in full ("Final test accuracy, NFA-RFM"); the numbers' columns fit their numbers
        values.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        values.setAllRowsVisible(true);
        values.addColumn(r -> label.apply(r.series())).setHeader("value").setFlexGrow(3);
        values.addColumn(r -> r.paper() == null ? "—" : r.printed(Formats::printed))
                .setHeader("paper")
                .setAutoWidth(true)
                .setFlexGrow(0);
        values.addColumn(r -> r.reference() == null ? "—" : Formats.printed(r.reference()))
                .setHeader("lab")
                .setAutoWidth(true)
                .setFlexGrow(0);
        values.addColumn(r -> latest.containsKey(r.series()) ? Formats.number(latest.get(r.series())) : "—")
                .setHeader("latest")
                .setAutoWidth(true)
                .setFlexGrow(0);
        values.setItems(figure.values());
        values.setVisible(!figure.values().isEmpty());
        reason.addClassName("run-meta");
        add(top, caption, meta, actions, values, reason);
    }

    String figureId() {
        return figure.id();
    }

    /**
     * Shows the latest result (or none), the run in flight, if any, and how long the latest result took here.
     */
    void show(Optional<PaperResults.Latest> newest, Optional<Run> inFlight, Optional<Duration> took) {
        meta.setText(meta(figure, took));
        latest = newest.map(PaperResults.Latest::values).orElse(Map.of());
        Verdict verdict = newest.map(PaperResults.Latest::verdict).orElse(Verdict.NOT_RUN_YET);
        badge.show(verdict);
        values.getDataProvider().refreshAll();
        values.recalculateColumnWidths(); // the latest values' column fits them
        result.removeAll();
        newest.ifPresent(l -> result.add(
                l.runId() != null
                        ? new Anchor("runs/" + l.runId(), "latest run " + l.runId())
                        : new Anchor("studies/" + l.studyId(), "latest study " + l.studyId())));
        inFlight.ifPresent(r -> result.add(
                new Span(" · "),
                new Anchor(
                        "runs/" + r.id(),
                        r.status().name().toLowerCase(java.util.Locale.ROOT) + " " + Math.round(100 * r.progress())
                                + "%: " + r.id())));
        reason.setText((verdict == Verdict.DIFFERS ? "Why it differs: " : "Note: ") + TexText.of(figure.reason()));
    }

    private Button button(Runnable launch) {
        String text = figure.launchesStudy()
                ? "Launch study " + figure.studyPreset()
                : figure.gpuScale() ? "Open " + figure.preset() + " on the launch page" : "Launch " + figure.preset();
        Button button = new Button(text, e -> launch.run());
        button.setId("launch-" + figure.id());
        if (!figure.gpuScale() || figure.launchesStudy()) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    /** Kind, preset, and the measured time of the latest result here, else the stated estimate before any. */
    private static String meta(PaperFigure f, Optional<Duration> took) {
        String what = f.kind() + " · " + f.preset() + (f.studyPreset() == null ? "" : " · study " + f.studyPreset());
        String time = took.isPresent()
                ? " · took " + Formats.duration(took.get()) + " here (latest result)"
                : f.cpuSeconds() == null
                        ? ""
                        : " · ≈ "
                                + (f.cpuSeconds() < 60
                                        ? Math.round(f.cpuSeconds()) + " s"
                                        : Math.round(f.cpuSeconds() / 60) + " min")
                                + " on the CPU here (estimate, not run yet)";
        return what + time + (f.gpuScale() ? " · GPU scale" : "");
    }
}
