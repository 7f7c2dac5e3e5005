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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunFilter;
import org.factlab.runs.RunService;
import org.factlab.studies.Study;
import org.factlab.studies.StudyService;
import org.factlab.ui.base.ConfirmBar;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;
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
    private final StudyService studies;
    private final Grid<Run> grid = new Grid<>();
    private final RunsColumns columns;
    /** Shown when a filter matches no run: says so and offers to clear it. */
    private final HorizontalLayout noMatch = new HorizontalLayout();

    private final RunsFilterBar filterBar;
    private final ConfirmBar confirmDelete = new ConfirmBar("confirm-delete-runs");
    private final Anchor allCsv = DownloadLink.to("/api/runs.csv", "Download runs CSV");
    private volatile RunFilter filter = RunFilter.NONE;
    /** Ids of the runs ticked for comparison or deletion; kept across the live reloads of the grid. */
    private final Set<String> chosen = new LinkedHashSet<>();

    private final Button compare = new Button(
            "Compare",
            e -> UI.getCurrent()
                    .navigate("compare", CompareState.of(List.copyOf(chosen)).toQuery()));
    /** Shown while the list is empty: the paper page, where one click reproduces a figure. */
    private final FirstVisit firstVisit = new FirstVisit();

    private final Button delete = new Button("Delete", e -> confirmDeletion());
    private com.vaadin.flow.shared.Registration resize;

    public RunsView(
            RunService service, KindRegistry kinds, LiveFollow live, RunPermissions permissions, StudyService studies) {
        this.service = service;
        this.studies = studies;
        this.kinds = kinds;
        this.live = live;
        this.permissions = permissions;
        setSizeFull();

        filterBar = new RunsFilterBar(
                service, kinds.all().stream().map(ExperimentKind::id).toList(), this::filterBy);
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
        columns = new RunsColumns(grid, kinds, this::actions);
        toolbar.add(columns.menu());
        Button clear = new Button("Clear the filter", e -> {
            filterBar.show(RunFilter.NONE);
            filterBy(RunFilter.NONE);
        });
        clear.setId("clear-filter");
        noMatch.add(new Span("No run matches this filter."), clear);
        noMatch.setId("no-match");
        noMatch.setAlignItems(Alignment.BASELINE);
        noMatch.setVisible(false);
        grid.setSizeFull();
        add(filterBar, toolbar, firstVisit, noMatch, confirmDelete, grid);
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
        UI.getCurrent()
                .getPage()
                .getHistory()
                .replaceState(null, new Location("", new QueryParameters(filter.toQuery())));
        showFilterLinks();
        refresh();
    }

    /** The runs CSV of exactly the listed runs. */
    private void showFilterLinks() {
        String query = new QueryParameters(filter.toQuery()).getQueryString();
        allCsv.setHref("/api/runs.csv" + (query.isEmpty() ? "" : "?" + query));
    }

    private void confirmDeletion() {
        List<Run> runs = chosen.stream()
                .map(service::find)
                .flatMap(java.util.Optional::stream)
                .filter(filter::matches)
                .toList();
        if (!runs.stream().allMatch(permissions::mayControl)) {
            filterBar.showError("You may delete only your own runs.");
            return;
        }
        String count = runs.size() == 1 ? "1 run" : runs.size() + " runs";
        confirmDelete.ask(
                "Delete " + count + "? Their metrics, matrices, notes and share links go too; this cannot "
                        + "be undone.",
                "Delete " + count,
                () -> {
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
            Listed listed = load();
            return () -> show(listed);
        });
        ui.getPage().retrieveExtendedClientDetails(details -> columns.fit(details.getWindowInnerWidth()));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> columns.fit(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        resize.remove();
    }

    private void refresh() {
        show(load());
    }

    /** The listed runs and the studies they belong to, read together (outside the UI lock when live). */
    private record Listed(List<Run> runs, Map<String, Study> studyOfRun) {}

    /** Replaces the grid's rows and ticks again the runs chosen for comparison. */
    private void show(Listed listed) {
        List<Run> runs = listed.runs();
        columns.setStudies(listed.studyOfRun());
        grid.setItems(runs);
        firstVisit.setVisible(runs.isEmpty() && filter.toQuery().isEmpty());
        noMatch.setVisible(runs.isEmpty() && !filter.toQuery().isEmpty());
        grid.asMultiSelect()
                .select(runs.stream().filter(r -> chosen.contains(r.id())).toList());
    }

    private Listed load() {
        return new Listed(service.list(filter), studies.studiesOfRuns());
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
}
