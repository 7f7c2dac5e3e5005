package org.factlab.ui;

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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.ExperimentKind;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.LiveBus;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;

/** Every run: sortable, filterable, with live status. */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "runs", layout = MainLayout.class)
@PageTitle("Runs · FACT Lab")
@PermitAll
public class RunsView extends VerticalLayout {

    private final RunService service;
    private final KindRegistry kinds;
    private final LiveBus bus;
    private final UiTicker ticker;
    private final RunPermissions permissions;
    private final Grid<Run> grid = new Grid<>();
    private final TextField nameFilter = new TextField();
    private final Select<String> kindFilter = new Select<>();
    private final Select<String> statusFilter = new Select<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Ids of the runs ticked for comparison; kept across the live reloads of the grid. */
    private final Set<String> chosen = new LinkedHashSet<>();
    private final Button compare = new Button("Compare", e -> UI.getCurrent().navigate("compare",
            CompareState.of(List.copyOf(chosen)).toQuery()));
    /** Shown while the list is empty: the paper page, where one click reproduces a figure. */
    private final FirstVisit firstVisit = new FirstVisit();
    private AutoCloseable subscription;
    private ScheduledFuture<?> tick;

    public RunsView(RunService service, KindRegistry kinds, LiveBus bus, UiTicker ticker, RunPermissions permissions) {
        this.service = service;
        this.kinds = kinds;
        this.bus = bus;
        this.ticker = ticker;
        this.permissions = permissions;
        setSizeFull();

        nameFilter.setPlaceholder("Filter by name");
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.addValueChangeListener(e -> refresh());
        List<String> kindIds = new ArrayList<>(List.of("all kinds"));
        kinds.all().forEach(k -> kindIds.add(k.id()));
        kindFilter.setItems(kindIds);
        kindFilter.setValue("all kinds");
        kindFilter.addValueChangeListener(e -> refresh());
        List<String> statuses = new ArrayList<>(List.of("all statuses"));
        for (RunStatus s : RunStatus.values()) {
            statuses.add(s.name());
        }
        statusFilter.setItems(statuses);
        statusFilter.setValue("all statuses");
        statusFilter.addValueChangeListener(e -> refresh());
        Anchor allCsv = DownloadLink.to("/api/runs.csv", "Download runs CSV");
        Button launch = new Button("Launch a run", e -> UI.getCurrent().navigate(LaunchView.class));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.setId("compare-runs");
        compare.setEnabled(false);
        compare.setTooltipText("Tick two or more runs to overlay their curves");
        launch.setVisible(permissions.mayLaunch());
        HorizontalLayout toolbar = new HorizontalLayout(nameFilter, kindFilter, statusFilter, launch, compare, allCsv);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.setId("runs-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.asMultiSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                chosen.clear();
                e.getValue().forEach(r -> chosen.add(r.id()));
            }
            compare.setEnabled(chosen.size() >= 2);
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(r -> new RouterLink(r.name(), RunView.class, r.id())).setHeader("Name")
                .setComparator(Comparator.comparing(Run::name, String.CASE_INSENSITIVE_ORDER)).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(Run::kind).setHeader("Kind").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(StatusBadge::new).setHeader("Status")
                .setComparator(Comparator.comparing(Run::status)).setAutoWidth(true);
        grid.addColumn(r -> Formats.time(r.createdAt())).setHeader("Created")
                .setComparator(Comparator.comparing(Run::createdAt)).setAutoWidth(true);
        grid.addColumn(r -> Formats.duration(duration(r))).setHeader("Duration")
                .setComparator(Comparator.comparing(RunsView::durationOrZero)).setAutoWidth(true);
        grid.addColumn(this::headline).setHeader("Headline results").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setSizeFull();
        add(toolbar, firstVisit, grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscription = bus.subscribeAll(e -> dirty.set(true));
        tick = ticker.every250ms(() -> {
            if (dirty.getAndSet(false)) {
                List<Run> runs = load();
                ui.access(() -> show(runs));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        tick.cancel(false);
        try {
            subscription.close();
        } catch (Exception ignored) {
            // closing a subscription cannot fail
        }
    }

    private void refresh() {
        show(load());
    }

    /** Replaces the grid's rows and ticks again the runs chosen for comparison. */
    private void show(List<Run> runs) {
        grid.setItems(runs);
        firstVisit.setVisible(runs.isEmpty());
        grid.asMultiSelect().select(runs.stream().filter(r -> chosen.contains(r.id())).toList());
    }

    private List<Run> load() {
        String kind = kindFilter.getValue() == null || kindFilter.getValue().startsWith("all") ? null : kindFilter.getValue();
        String status = statusFilter.getValue();
        RunStatus st = status == null || status.startsWith("all") ? null : RunStatus.valueOf(status);
        String text = nameFilter.getValue() == null ? "" : nameFilter.getValue().toLowerCase(Locale.ROOT);
        return service.list(kind, st).stream().filter(r -> r.name().toLowerCase(Locale.ROOT).contains(text)).toList();
    }

    private String headline(Run r) {
        Map<String, Double> summary = r.summary();
        if (summary == null || summary.isEmpty()) {
            return "";
        }
        List<String> keys = kinds.find(r.kind()).map(ExperimentKind::headlineSeries).orElse(List.of());
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            Double v = summary.get(k);
            if (v != null) {
                parts.add(k + " " + Formats.number(v));
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

    static Duration duration(Run r) {
        if (r.startedAt() == null) {
            return null;
        }
        return Duration.between(r.startedAt(), r.finishedAt() == null ? Instant.now() : r.finishedAt());
    }

    private static Duration durationOrZero(Run r) {
        Duration d = duration(r);
        return d == null ? Duration.ZERO : d;
    }

    /** A coloured status label, with the percentage while running. */
    static final class StatusBadge extends Span {
        StatusBadge(Run r) {
            super(r.status() == RunStatus.RUNNING ? "RUNNING " + Math.round(100 * r.progress()) + "%" : r.status().name());
            addClassNames("status-badge", "status-" + r.status().name().toLowerCase(Locale.ROOT));
            getElement().setAttribute("data-status", r.status().name());
        }
    }
}
