package org.factlab.ui.compare;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunService;
import org.factlab.runs.compare.AxisRange;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.runs.compare.FieldText;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;

/**
 * Compares runs ({@code /compare?runs=a,b,c&series=…&groupBy=…&colour=…&matrix=…&step=…}): one chart per chosen
 * series with every run's curve on shared axes; runs grouped by {@link CompareState#groupBy()} become a mean
 * curve with ± one standard deviation drawn as thinner dashed curves in its colour; curves of runs sharing the
 * value of the {@link CompareState#colour()} field share a colour ({@link CompareGroups#colours}); curves are
 * labelled by the fields in which the runs differ ({@link CompareGroups}); a log-scale toggle; SVG and PNG figures
 * of every chart ({@code /api/compare/chart.svg}); one matrix of every run side by side at one step, all on one
 * colour scale. Every choice is written back to the URL, so the page can be shared. Runs still in progress stream
 * in: their new points and matrices are drawn at most every 250 ms.
 */
@PermitAll
@Route(value = "compare", layout = MainLayout.class)
@PageTitle("Compare · FACT Lab")
public class CompareView extends VerticalLayout implements BeforeEnterObserver {

    private static final String NO_COLOUR = "(none)";

    private final RunService service;
    private final KindRegistry kinds;
    private final LiveFollow live;
    private LiveFollow.Handle following;
    private final MultiSelectComboBox<String> seriesChoice = new MultiSelectComboBox<>("Series");
    private final Select<String> groupChoice = new Select<>();
    private final Select<String> colourChoice = new Select<>();
    private final Checkbox logChoice = new Checkbox("log scale");
    private final CompareCharts charts = new CompareCharts();
    private final CompareHeatmaps heatmaps;
    private final CompareRunList runList = new CompareRunList();
    private final CompareCurves curves;
    private List<Run> runs = List.of();
    private CompareState state = CompareState.of(List.of());
    private boolean updating;

    public CompareView(
            RunService service,
            KindRegistry kinds,
            MetricRepository metrics,
            MatrixRepository matrices,
            LiveFollow live) {
        this.service = service;
        this.kinds = kinds;
        this.live = live;
        this.heatmaps = new CompareHeatmaps(matrices, (matrix, step) -> changed(state.withMatrix(matrix, step)));
        this.curves = new CompareCurves(metrics);
        setWidthFull();
        seriesChoice.setId("compare-series");
        seriesChoice.setWidth("40em");
        groupChoice.setLabel("Group runs");
        groupChoice.setId("compare-group");
        colourChoice.setLabel("Colour by");
        colourChoice.setId("compare-colour");
        logChoice.setId("compare-log");
        seriesChoice.addValueChangeListener(
                e -> changed(state.withSeries(new ArrayList<>(new TreeSet<>(e.getValue())))));
        groupChoice.addValueChangeListener(e -> changed(state.withGroupBy(e.getValue())));
        colourChoice.addValueChangeListener(
                e -> changed(state.withColour(NO_COLOUR.equals(e.getValue()) ? null : e.getValue())));
        logChoice.addValueChangeListener(e -> changed(state.withLog(e.getValue())));
        HorizontalLayout controls = new HorizontalLayout(seriesChoice, groupChoice, colourChoice, logChoice);
        controls.setAlignItems(Alignment.BASELINE);
        add(new H2("Compare runs"), runList, controls, charts, heatmaps);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = CompareState.from(event.getLocation().getQueryParameters());
        runs = state.runs().stream()
                .map(service::find)
                .flatMap(Optional::stream)
                .toList();
        curves.load(runs);
        if (state.series().isEmpty()) {
            state = state.withSeries(defaultSeries());
        }
        fillChoices();
        render();
        if (isAttached()) {
            getUI().ifPresent(this::follow);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        follow(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unfollow();
    }

    /**
     * Subscribes to the runs still in progress, then reads their points again, so that none recorded between the
     * first read and the subscription is missed.
     */
    private void follow(UI ui) {
        unfollow();
        List<Run> inProgress =
                runs.stream().filter(r -> !r.status().isTerminal()).toList();
        if (inProgress.isEmpty()) {
            return;
        }
        following = live.follow(ui, this, inProgress.stream().map(Run::id).toList(), this::update);
        inProgress.forEach(r -> curves.reload(r.id()));
        fillChoices();
        render();
    }

    private void unfollow() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    /** The points and matrices of the last 250 ms, drawn in one push. */
    private Runnable update(List<RunEvent> events) {
        List<RunEvent.Metrics> points = new ArrayList<>();
        boolean matricesChanged = false;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Metrics m) {
                points.add(m);
            } else if (e instanceof RunEvent.Matrix) {
                matricesChanged = true;
            }
        }
        boolean redrawMatrices = matricesChanged;
        if (points.isEmpty() && !redrawMatrices) {
            return null;
        }
        return () -> {
            boolean newSeries = curves.add(points);
            if (newSeries || redrawMatrices) {
                fillChoices();
            }
            renderCharts();
            if (redrawMatrices) {
                renderHeatmaps();
            }
        };
    }

    private void fillChoices() {
        updating = true;
        runList.show(runs);
        seriesChoice.setItems(curves.series());
        seriesChoice.setItemLabelGenerator(this::label);
        seriesChoice.setValue(new LinkedHashSet<>(state.series()));
        List<String> varying = CompareGroups.varyingFields(runs);
        List<String> groups = new ArrayList<>(List.of(CompareState.GROUP_SPEC, CompareState.GROUP_NONE));
        varying.stream().filter(f -> !"seed".equals(f)).forEach(groups::add);
        if (!groups.contains(state.groupBy())) {
            groups.add(state.groupBy());
        }
        groupChoice.setItems(groups);
        groupChoice.setItemLabelGenerator(g -> CompareState.GROUP_SPEC.equals(g)
                ? "runs differing only in seed"
                : CompareState.GROUP_NONE.equals(g) ? "no grouping" : "by " + FieldText.name(g));
        groupChoice.setValue(state.groupBy());
        List<String> colours = new ArrayList<>(List.of(NO_COLOUR));
        colours.addAll(varying);
        colourChoice.setItems(colours);
        colourChoice.setItemLabelGenerator(c -> NO_COLOUR.equals(c) ? c : FieldText.name(c));
        colourChoice.setValue(state.colour() == null || !colours.contains(state.colour()) ? NO_COLOUR : state.colour());
        heatmaps.fill(runs, state.matrix(), state.step());
        logChoice.setValue(state.log());
        updating = false;
    }

    private void changed(CompareState next) {
        if (updating || next.equals(state)) {
            return;
        }
        boolean matrixChanged = !java.util.Objects.equals(next.matrix(), state.matrix());
        state = next;
        UI.getCurrent().getPage().getHistory().replaceState(null, state.location());
        if (matrixChanged) {
            fillChoices();
        }
        render();
    }

    private void render() {
        renderCharts();
        renderHeatmaps();
    }

    private void renderCharts() {
        List<CompareGroups.Group> groups = CompareGroups.of(runs, state.groupBy(), state.colour());
        List<Section> sections = runs.stream()
                .map(Run::kind)
                .distinct()
                .flatMap(k -> kinds.find(k).stream())
                .flatMap(k -> k.sections().stream())
                .toList();
        charts.render(
                state,
                groups,
                CompareGroups.colours(groups, state.colour()),
                curves.byRun(),
                this::label,
                series -> AxisRange.declared(sections, series));
    }

    private void renderHeatmaps() {
        heatmaps.render(runs, state.matrix(), state.step());
    }

    /** A series' label as the paper writes it, by the first run's kind. */
    private String label(String series) {
        return SeriesLabels.label(
                runs.isEmpty() ? Optional.empty() : kinds.find(runs.get(0).kind()), series);
    }

    /** The kinds' headline series that were recorded, else the first two series. */
    private List<String> defaultSeries() {
        Set<String> recorded = curves.series();
        Set<String> headline = new LinkedHashSet<>();
        runs.forEach(
                r -> kinds.find(r.kind()).map(ExperimentKind::headlineSeries).ifPresent(headline::addAll));
        List<String> chosen = headline.stream().filter(recorded::contains).toList();
        return chosen.isEmpty() ? recorded.stream().limit(2).toList() : chosen;
    }
}
