package org.factlab.ui.runs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunFilter;
import org.factlab.runs.RunService;
import org.factlab.ui.base.ConfirmBar;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.base.Formats;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;
import org.factlab.ui.base.StatusBadge;
import org.factlab.ui.compare.CompareState;
import org.factlab.ui.launch.LaunchView;
import org.factlab.ui.run.RunView;

/**
 * Every run: sortable, filtered as {@code GET /api/runs} filters (the filter is the page's query string, so a filtered
 * list can be bookmarked and shared), with live status; the ticked runs can be compared or deleted.
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "runs", layout = MainLayout.class)
@PageTitle("Runs · FACT Lab")
@PermitAll
public class RunsView extends VerticalLayout implements BeforeEnterObserver {

    private final RunService service;
    private final KindRegistry kinds;
    private final LiveFollow live;
    private final RunPermissions permissions;
    /** Columns that give way on a narrow window, each with the least window width (px) that shows it. */
    private final Map<Grid.Column<Run>, Integer> hideBelow = new java.util.LinkedHashMap<>();
    private final Grid<Run> grid = new Grid<>();
    private final RunsFilterBar filterBar;
    private final ConfirmBar confirmDelete = new ConfirmBar("confirm-delete-runs");
    private final Anchor allCsv = DownloadLink.to("/api/runs.csv", "Download runs CSV");
    private volatile RunFilter filter = RunFilter.NONE;
    /** Ids of the runs ticked for comparison or deletion; kept across the live reloads of the grid. */
    private final Set<String> chosen = new LinkedHashSet<>();
    private final Button compare = new Button("Compare", e -> UI.getCurrent().navigate("compare",
            CompareState.of(List.copyOf(chosen)).toQuery()));
    /** Shown while the list is empty: the paper page, where one click reproduces a figure. */
    private final FirstVisit firstVisit = new FirstVisit();
    private final Button delete = new Button("Delete", e -> confirmDeletion());
    private com.vaadin.flow.shared.Registration resize;

    public RunsView(RunService service, KindRegistry kinds, LiveFollow live, RunPermissions permissions) {
        this.service = service;
        this.kinds = kinds;
        this.live = live;
        this.permissions = permissions;
        setSizeFull();

        filterBar = new RunsFilterBar(service, kinds.all().stream().map(ExperimentKind::id).toList(), this::filterBy);
        Button launch = new Button("Launch a run", e -> UI.getCurrent().navigate(LaunchView.class));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.setId("compare-runs");
        compare.setEnabled(false);
        compare.setTooltipText("Tick two or more runs to overlay their curves");
        delete.setId("delete-runs");
        delete.setEnabled(false);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setTooltipText("Tick the runs to delete");
        launch.setVisible(permissions.mayLaunch());
        delete.setVisible(permissions.mayLaunch());
        HorizontalLayout toolbar = new HorizontalLayout(launch, compare, delete, allCsv);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setId("runs-toolbar");
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap");

        grid.setId("runs-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.asMultiSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                chosen.clear();
                e.getValue().forEach(r -> chosen.add(r.id()));
            }
            compare.setEnabled(chosen.size() >= 2);
            delete.setEnabled(!chosen.isEmpty());
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(r -> new RouterLink(r.name(), RunView.class, r.id())).setHeader("Name")
                .setComparator(Comparator.comparing(Run::name, String.CASE_INSENSITIVE_ORDER)).setAutoWidth(true)
                .setFlexGrow(1);
        hideBelow.put(grid.addColumn(Run::kind).setHeader("Kind").setSortable(true).setAutoWidth(true), 640);
        grid.addComponentColumn(StatusBadge::new).setHeader("Status")
                .setComparator(Comparator.comparing(Run::status)).setAutoWidth(true);
        hideBelow.put(grid.addColumn(r -> String.join(", ", r.tags())).setHeader("Tags").setAutoWidth(true), 1100);
        hideBelow.put(grid.addColumn(r -> Formats.time(r.createdAt())).setHeader("Created")
                .setComparator(Comparator.comparing(Run::createdAt)).setAutoWidth(true), 900);
        hideBelow.put(grid.addColumn(r -> Formats.duration(duration(r))).setHeader("Duration")
                .setComparator(Comparator.comparing(RunsView::durationOrZero)).setAutoWidth(true), 1000);
        grid.addComponentColumn(this::headlineCell).setHeader("Headline results").setFlexGrow(3)
                .setTooltipGenerator(this::headline);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setSizeFull();
        add(filterBar, toolbar, firstVisit, confirmDelete, grid);
    }

    /** Reads the filter from the query string: the same parameters as {@code GET /api/runs}. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            filter = service.filter(event.getLocation().getQueryParameters().getParameters());
            filterBar.show(filter);
        } catch (SpecValidationException e) {
            filterBar.showError("Filter in the address not applied: " + e.getMessage());
        }
        showFilterLinks();
        refresh();
    }

    private void filterBy(RunFilter chosenFilter) {
        filter = chosenFilter;
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new Location("", new QueryParameters(filter.toQuery())));
        showFilterLinks();
        refresh();
    }

    /** The runs CSV of exactly the listed runs. */
    private void showFilterLinks() {
        String query = new QueryParameters(filter.toQuery()).getQueryString();
        allCsv.setHref("/api/runs.csv" + (query.isEmpty() ? "" : "?" + query));
    }

    private void confirmDeletion() {
        List<Run> runs = chosen.stream().map(service::find).flatMap(java.util.Optional::stream)
                .filter(filter::matches).toList();
        if (!runs.stream().allMatch(permissions::mayControl)) {
            filterBar.showError("You may delete only your own runs.");
            return;
        }
        String count = runs.size() == 1 ? "1 run" : runs.size() + " runs";
        confirmDelete.ask("Delete " + count + "? Their metrics, matrices, notes and share links go too; this cannot "
                + "be undone.", "Delete " + count, () -> {
                    runs.forEach(r -> {
                        permissions.require(permissions.mayControl(r), "delete run " + r.id());
                        service.delete(r);
                    });
                    chosen.clear();
                    delete.setEnabled(false);
                    compare.setEnabled(false);
                    refresh();
                });
    }

    /**
     * Follows every run: the list is read again (off the UI thread) when a run starts, progresses or ends, not for
     * each recorded point. Columns give way by priority on a narrow window.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        live.follow(ui, this, null, events -> {
            if (events.stream().allMatch(e -> e instanceof RunEvent.Metrics || e instanceof RunEvent.Matrix)) {
                return null;
            }
            List<Run> runs = load();
            return () -> show(runs);
        });
        ui.getPage().retrieveExtendedClientDetails(details -> fitColumns(details.getWindowInnerWidth()));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> fitColumns(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        resize.remove();
    }

    private void fitColumns(int windowWidth) {
        hideBelow.forEach((column, least) -> column.setVisible(windowWidth >= least));
    }

    private void refresh() {
        show(load());
    }

    /** Replaces the grid's rows and ticks again the runs chosen for comparison. */
    private void show(List<Run> runs) {
        grid.setItems(runs);
        firstVisit.setVisible(runs.isEmpty() && filter.toQuery().isEmpty());
        grid.asMultiSelect().select(runs.stream().filter(r -> chosen.contains(r.id())).toList());
    }

    private List<Run> load() {
        return service.list(filter);
    }

    /** The headline results in full, wrapping inside the cell: each label with its value, never cut. */
    private Span headlineCell(Run r) {
        Span cell = new Span(headline(r));
        cell.addClassName("headline-cell");
        cell.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere").set("line-height", "1.3");
        return cell;
    }

    private String headline(Run r) {
        Map<String, Double> summary = r.summary();
        if (summary == null || summary.isEmpty()) {
            return "";
        }
        Optional<ExperimentKind<?>> kind = kinds.find(r.kind());
        List<String> keys = kind.map(ExperimentKind::headlineSeries).orElse(List.of());
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            Double v = summary.get(k);
            if (v != null) {
                parts.add(SeriesLabels.label(kind, k) + " " + Formats.number(v));
            }
        }
        return String.join(" · ", parts);
    }

    private HorizontalLayout actions(Run r) {
        Anchor csv = DownloadLink.to("/api/runs/" + r.id() + "/metrics.csv", "CSV");
        HorizontalLayout actions = new HorizontalLayout(new RouterLink("Open", RunView.class, r.id()), csv);
        if (!r.status().isTerminal() && permissions.mayControl(r)) {
            Button cancel = new Button("Cancel", e -> {
                permissions.require(permissions.mayControl(r), "cancel this run");
                service.cancel(r.id());
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(cancel);
        }
        actions.setAlignItems(Alignment.BASELINE);
        return actions;
    }

    public static Duration duration(Run r) {
        if (r.startedAt() == null) {
            return null;
        }
        return Duration.between(r.startedAt(), r.finishedAt() == null ? Instant.now() : r.finishedAt());
    }

    private static Duration durationOrZero(Run r) {
        Duration d = duration(r);
        return d == null ? Duration.ZERO : d;
    }
}
