package org.factlab.ui.runs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.Run;
import org.factlab.studies.Study;
import org.factlab.ui.base.Formats;
import org.factlab.ui.base.StatusBadge;
import org.factlab.ui.run.RunView;

/**
 * The runs grid's columns. Name, Status, Headline results and the links (Open, CSV) always show; the others give way
 * on a narrow window by priority (Created first, Tags last) and can be shown or hidden from the Columns menu, whose
 * choice then holds at any width.
 */
final class RunsColumns {

    private final Grid<Run> grid;
    private final KindRegistry kinds;
    /** Hideable columns in menu order, each with the least window width (px) that shows it by default. */
    private final Map<Grid.Column<Run>, Integer> hideBelow = new LinkedHashMap<>();
    /** The visitor's own choices from the Columns menu. */
    private final Map<Grid.Column<Run>, Boolean> chosen = new LinkedHashMap<>();

    private final Map<Grid.Column<Run>, MenuItem> items = new LinkedHashMap<>();
    private Map<String, Study> studyOfRun = Map.of();
    private int windowWidth = Integer.MAX_VALUE;

    /** @param actions the links of a run's row (Open, CSV, Cancel) */
    RunsColumns(Grid<Run> grid, KindRegistry kinds, Function<Run, Component> actions) {
        this.grid = grid;
        this.kinds = kinds;
        named(
                grid.addComponentColumn(r -> new RouterLink(r.name(), RunView.class, r.id()))
                        .setHeader("Name")
                        .setComparator(Comparator.comparing(Run::name, String.CASE_INSENSITIVE_ORDER))
                        .setAutoWidth(true)
                        .setFlexGrow(1),
                "runs-col-name");
        hideable(grid.addColumn(Run::kind).setHeader("Kind").setSortable(true), "runs-col-kind", 1000);
        named(
                grid.addComponentColumn(StatusBadge::new)
                        .setHeader("Status")
                        .setComparator(Comparator.comparing(Run::status))
                        .setAutoWidth(true),
                "runs-col-status");
        hideable(
                grid.addColumn(r -> r.preset() == null ? "—" : r.preset())
                        .setHeader("Preset")
                        .setSortable(true),
                "runs-col-preset",
                1100);
        hideable(grid.addComponentColumn(this::study).setHeader("Study"), "runs-col-study", 1150);
        hideable(grid.addColumn(r -> String.join(", ", r.tags())).setHeader("Tags"), "runs-col-tags", 1300);
        hideable(
                grid.addColumn(r -> Formats.time(r.createdAt()))
                        .setHeader("Created")
                        .setComparator(Comparator.comparing(Run::createdAt)),
                "runs-col-created",
                900);
        hideable(
                grid.addColumn(r -> Formats.duration(Formats.runTime(r)))
                        .setHeader("Duration")
                        .setComparator(Comparator.comparing(r -> orZero(Formats.runTime(r)))),
                "runs-col-duration",
                1000);
        named(
                grid.addComponentColumn(this::headlineCell)
                        .setHeader("Headline results")
                        .setFlexGrow(3)
                        .setTooltipGenerator(this::headline),
                "runs-col-headline");
        named(grid.addComponentColumn(actions::apply).setHeader("").setAutoWidth(true), "runs-col-links");
    }

    /** The column with an id on its element, so that a test finds it. */
    private static Grid.Column<Run> named(Grid.Column<Run> column, String id) {
        column.setId(id);
        return column;
    }

    /** A column that gives way below {@code least} px of window, sized to its content. */
    private void hideable(Grid.Column<Run> column, String id, int least) {
        named(column.setAutoWidth(true), id);
        hideBelow.put(column, least);
    }

    /** The studies of the listed runs, for the Study column. */
    void setStudies(Map<String, Study> studyOfRun) {
        this.studyOfRun = studyOfRun;
    }

    /** Shows the columns that fit the window, unless the visitor chose otherwise. */
    void fit(int width) {
        windowWidth = width;
        hideBelow.forEach((column, least) -> {
            boolean visible = chosen.getOrDefault(column, width >= least);
            column.setVisible(visible);
            MenuItem item = items.get(column);
            if (item != null) {
                item.setChecked(visible);
            }
        });
    }

    /** "Columns": a menu with a box per hideable column. */
    Button menu() {
        Button button = new Button("Columns");
        button.setId("runs-columns");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        ContextMenu menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        hideBelow.keySet().forEach(column -> {
            MenuItem item = menu.addItem(column.getHeaderText(), e -> {
                chosen.put(column, e.getSource().isChecked());
                fit(windowWidth);
            });
            item.setCheckable(true);
            item.setChecked(column.isVisible());
            item.setId("runs-column-" + column.getHeaderText().toLowerCase(java.util.Locale.ROOT));
            items.put(column, item);
        });
        return button;
    }

    private Component study(Run r) {
        Study s = studyOfRun.get(r.id());
        return s == null ? new Span("—") : new Anchor("studies/" + s.id(), s.name());
    }

    /** The headline results in full, wrapping inside the cell: each label with its value, never cut. */
    private Span headlineCell(Run r) {
        Span cell = new Span(headline(r));
        cell.addClassName("headline-cell");
        cell.getStyle().set("white-space", "normal").set("line-height", "1.3");
        return cell;
    }

    private String headline(Run r) {
        Map<String, Double> summary = r.summary();
        if (summary == null || summary.isEmpty()) {
            return "";
        }
        Optional<ExperimentKind<?>> kind = kinds.find(r.kind());
        List<String> parts = new ArrayList<>();
        for (String k : kind.map(ExperimentKind::headlineSeries).orElse(List.of())) {
            Double v = summary.get(k);
            if (v != null) {
                parts.add(SeriesLabels.label(kind, k) + "\u00a0" + Formats.number(v));
            }
        }
        return String.join(" · ", parts);
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }
}
