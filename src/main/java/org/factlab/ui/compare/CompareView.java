package org.factlab.ui.compare;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.factlab.experiments.ExperimentKind;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.MetricPoint;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunService;
import org.factlab.runs.compare.AxisRange;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.runs.compare.CurveBand;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;
import org.factlab.ui.charts.Heatmap;
import org.factlab.ui.charts.LineChart;
import org.factlab.ui.charts.MatrixPreview;
import org.factlab.ui.run.RunView;

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
    private static final String NO_MATRIX = "(none)";
    private static final String LATEST = "latest";
    private static final double MEAN_WIDTH = 2;
    private static final double BAND_WIDTH = 1;

    private final RunService service;
    private final KindRegistry kinds;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final LiveFollow live;
    private LiveFollow.Handle following;
    private final MultiSelectComboBox<String> seriesChoice = new MultiSelectComboBox<>("Series");
    private final Select<String> groupChoice = new Select<>();
    private final Select<String> colourChoice = new Select<>();
    private final Select<String> matrixChoice = new Select<>();
    private final Select<String> stepChoice = new Select<>();
    private final Checkbox logChoice = new Checkbox("log scale");
    private final Div charts = new Div();
    private final Div heatmaps = new Div();
    private final Paragraph runList = new Paragraph();
    private final Map<String, Map<String, NavigableMap<Long, Double>>> curves = new LinkedHashMap<>();
    private final Map<String, CompareChart> chartsBySeries = new LinkedHashMap<>();
    private List<Run> runs = List.of();
    private CompareState state = CompareState.of(List.of());
    private boolean updating;

    public CompareView(RunService service, KindRegistry kinds, MetricRepository metrics, MatrixRepository matrices,
                       LiveFollow live) {
        this.service = service;
        this.kinds = kinds;
        this.metrics = metrics;
        this.matrices = matrices;
        this.live = live;
        setWidthFull();
        seriesChoice.setId("compare-series");
        seriesChoice.setWidth("40em");
        groupChoice.setLabel("Group runs");
        groupChoice.setId("compare-group");
        colourChoice.setLabel("Colour by");
        colourChoice.setId("compare-colour");
        matrixChoice.setLabel("Matrix");
        stepChoice.setLabel("Step");
        logChoice.setId("compare-log");
        charts.addClassName("chart-grid");
        charts.setId("compare-charts");
        heatmaps.addClassName("heatmap-grid");
        heatmaps.setId("compare-heatmaps");
        seriesChoice.addValueChangeListener(e -> changed(state.withSeries(new ArrayList<>(new TreeSet<>(e.getValue())))));
        groupChoice.addValueChangeListener(e -> changed(state.withGroupBy(e.getValue())));
        colourChoice.addValueChangeListener(e -> changed(state.withColour(NO_COLOUR.equals(e.getValue()) ? null : e.getValue())));
        matrixChoice.addValueChangeListener(e -> changed(state.withMatrix(NO_MATRIX.equals(e.getValue()) ? null
                : e.getValue(), state.step())));
        stepChoice.addValueChangeListener(e -> changed(state.withMatrix(state.matrix(),
                e.getValue() == null || LATEST.equals(e.getValue()) ? null : Long.parseLong(e.getValue()))));
        logChoice.addValueChangeListener(e -> changed(state.withLog(e.getValue())));
        HorizontalLayout controls = new HorizontalLayout(seriesChoice, groupChoice, colourChoice, logChoice);
        controls.setAlignItems(Alignment.BASELINE);
        HorizontalLayout matrixControls = new HorizontalLayout(matrixChoice, stepChoice);
        add(new H2("Compare runs"), runList, controls, charts, new H3("Matrices side by side"), matrixControls, heatmaps);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = CompareState.from(event.getLocation().getQueryParameters());
        runs = state.runs().stream().map(service::find).flatMap(Optional::stream).toList();
        curves.clear();
        runs.forEach(r -> curves.put(r.id(), byseries(metrics.points(r.id()))));
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
        List<Run> inProgress = runs.stream().filter(r -> !r.status().isTerminal()).toList();
        if (inProgress.isEmpty()) {
            return;
        }
        following = live.follow(ui, this, inProgress.stream().map(Run::id).toList(), this::update);
        inProgress.forEach(r -> curves.put(r.id(), byseries(metrics.points(r.id()))));
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
            boolean newSeries = false;
            for (RunEvent.Metrics m : points) {
                Map<String, NavigableMap<Long, Double>> runCurves = curves.computeIfAbsent(m.runId(),
                        k -> new TreeMap<>());
                for (Map.Entry<String, Double> v : m.values().entrySet()) {
                    newSeries |= !runCurves.containsKey(v.getKey());
                    runCurves.computeIfAbsent(v.getKey(), k -> new TreeMap<>()).put(m.step(), v.getValue());
                }
            }
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
        runList.removeAll();
        runList.add(runs.isEmpty() ? "No runs chosen: select runs on the runs page and press Compare." : "Runs: ");
        for (CompareGroups.Group g : CompareGroups.of(runs, CompareGroups.GROUP_NONE, null)) {
            Run r = g.runs().get(0);
            RouterLink link = new RouterLink(g.label(), RunView.class, r.id());
            link.getElement().setAttribute("title", r.name() + " [" + r.id() + "]");
            runList.add(link, new Span(" · "));
        }
        Set<String> allSeries = new TreeSet<>();
        curves.values().forEach(c -> allSeries.addAll(c.keySet()));
        seriesChoice.setItems(allSeries);
        seriesChoice.setValue(new LinkedHashSet<>(state.series()));
        List<String> varying = CompareGroups.varyingFields(runs);
        List<String> groups = new ArrayList<>(List.of(CompareState.GROUP_SPEC, CompareState.GROUP_NONE));
        varying.stream().filter(f -> !"seed".equals(f)).forEach(groups::add);
        if (!groups.contains(state.groupBy())) {
            groups.add(state.groupBy());
        }
        groupChoice.setItems(groups);
        groupChoice.setItemLabelGenerator(g -> CompareState.GROUP_SPEC.equals(g) ? "runs differing only in seed"
                : CompareState.GROUP_NONE.equals(g) ? "no grouping" : "by " + g);
        groupChoice.setValue(state.groupBy());
        List<String> colours = new ArrayList<>(List.of(NO_COLOUR));
        colours.addAll(varying);
        colourChoice.setItems(colours);
        colourChoice.setValue(state.colour() == null || !colours.contains(state.colour()) ? NO_COLOUR : state.colour());
        Set<String> names = new TreeSet<>();
        Set<Long> steps = new TreeSet<>();
        for (Run r : runs) {
            for (MatrixSnapshot.Info m : matrices.list(r.id())) {
                names.add(m.name());
                if (m.name().equals(state.matrix())) {
                    steps.add(m.step());
                }
            }
        }
        List<String> matrixItems = new ArrayList<>(List.of(NO_MATRIX));
        matrixItems.addAll(names);
        matrixChoice.setItems(matrixItems);
        matrixChoice.setValue(state.matrix() == null || !names.contains(state.matrix()) ? NO_MATRIX : state.matrix());
        List<String> stepItems = new ArrayList<>(List.of(LATEST));
        steps.forEach(s -> stepItems.add(Long.toString(s)));
        stepChoice.setItems(stepItems);
        stepChoice.setValue(state.step() == null ? LATEST : state.step().toString());
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

    /** One chart per chosen series; the charts already on the page get new data instead of being rebuilt. */
    private void renderCharts() {
        Map<String, CompareChart> previous = new LinkedHashMap<>(chartsBySeries);
        chartsBySeries.clear();
        previous.forEach((series, cell) -> {
            if (!state.series().contains(series)) {
                charts.remove(cell.cell());
            }
        });
        List<CompareGroups.Group> groups = CompareGroups.of(runs, state.groupBy(), state.colour());
        List<String> groupColours = CompareGroups.colours(groups, state.colour());
        for (String series : state.series()) {
            CompareChart cell = previous.containsKey(series) ? previous.get(series) : newChart(series);
            chartsBySeries.put(series, cell);
            LineChart chart = cell.chart();
            List<LineChart.Series> data = new ArrayList<>();
            Map<String, LineChart.SeriesStyle> styles = new LinkedHashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                CompareGroups.Group g = groups.get(i);
                String colour = groupColours.get(i);
                List<NavigableMap<Long, Double>> members = g.runs().stream()
                        .map(r -> curves.get(r.id()).getOrDefault(series, new TreeMap<>()))
                        .filter(c -> !c.isEmpty()).toList();
                if (members.isEmpty()) {
                    continue;
                }
                CurveBand band = CurveBand.of(members);
                data.add(new LineChart.Series(g.label(), band.steps(), band.mean()));
                styles.put(g.label(), new LineChart.SeriesStyle(colour, false, MEAN_WIDTH));
                if (members.size() > 1) {
                    data.add(new LineChart.Series(g.label() + " · +1 std", band.steps(), band.upper()));
                    data.add(new LineChart.Series(g.label() + " · −1 std", band.steps(), band.lower()));
                    styles.put(g.label() + " · +1 std", new LineChart.SeriesStyle(colour, true, BAND_WIDTH));
                    styles.put(g.label() + " · −1 std", new LineChart.SeriesStyle(colour, true, BAND_WIDTH));
                }
            }
            chart.setLogScale(state.log());
            double[] means = data.stream().filter(d -> styles.get(d.name()) != null && !styles.get(d.name()).dashed())
                    .flatMapToDouble(d -> Arrays.stream(d.y())).filter(Double::isFinite).toArray();
            chart.setYRange(AxisRange.fixed(series, Arrays.stream(means).min().orElse(0),
                    Arrays.stream(means).max().orElse(0)));
            chart.setSeriesStyles(styles);
            chart.setData(data);
            String query = "?" + state.figureQuery(series);
            cell.svg().setHref("/api/compare/chart.svg" + query);
            cell.png().setHref("/api/compare/chart.png" + query);
            if (!previous.containsKey(series)) {
                charts.add(cell.cell());
            }
        }
    }

    /** A chart of the comparison with its figure downloads beneath it. */
    private record CompareChart(Div cell, LineChart chart, Anchor svg, Anchor png) {
    }

    private CompareChart newChart(String series) {
        LineChart chart = new LineChart();
        String label = runs.isEmpty() ? series : kinds.find(runs.get(0).kind()).map(k -> k.seriesLabel(series))
                .orElse(series);
        chart.setTitle(label);
        chart.setYAxisName(label);
        chart.setId("compare-chart-" + series);
        Anchor svg = DownloadLink.to("", "SVG");
        Anchor png = DownloadLink.to("", "PNG (2×)");
        svg.setId("compare-svg-" + series);
        png.setId("compare-png-" + series);
        Div links = new Div(new Span("As a figure: "), svg, new Span(" · "), png);
        Div cell = new Div(chart, links);
        cell.getStyle().set("grid-column", "1 / -1"); // the full width: room for the curves' labels in the legend
        return new CompareChart(cell, chart, svg, png);
    }

    /** Every run's matrix at the chosen step, on one colour scale: the range over all of them. */
    private void renderHeatmaps() {
        heatmaps.removeAll();
        if (state.matrix() == null) {
            return;
        }
        Map<Run, MatrixSnapshot> shown = new LinkedHashMap<>();
        for (Run r : runs) {
            Optional<MatrixSnapshot> m = state.step() == null ? matrices.find(r.id(), state.matrix(), null)
                    : matrices.findAtOrBefore(r.id(), state.matrix(), state.step());
            m.ifPresent(snapshot -> shown.put(r, snapshot));
        }
        float low = Float.NaN;
        float high = Float.NaN;
        for (MatrixSnapshot snapshot : shown.values()) {
            MatrixPreview preview = MatrixPreview.blockReduce(snapshot.rows(), snapshot.cols(), snapshot.data(),
                    Heatmap.MAX_SIDE);
            if (!Float.isNaN(preview.min())) {
                low = Float.isNaN(low) ? preview.min() : Math.min(low, preview.min());
                high = Float.isNaN(high) ? preview.max() : Math.max(high, preview.max());
            }
        }
        List<CompareGroups.Group> labels = CompareGroups.of(runs, CompareGroups.GROUP_NONE, null);
        Map<String, String> labelById = new LinkedHashMap<>();
        labels.forEach(g -> labelById.put(g.runs().get(0).id(), g.label()));
        for (Map.Entry<Run, MatrixSnapshot> e : shown.entrySet()) {
            MatrixSnapshot snapshot = e.getValue();
            Heatmap h = new Heatmap();
            h.setMatrixInRange(labelById.get(e.getKey().id()) + " (step " + snapshot.step() + ")", snapshot.rows(),
                    snapshot.cols(), snapshot.data(), low, high);
            heatmaps.add(h);
        }
    }

    /** The kinds' headline series that were recorded, else the first two series. */
    private List<String> defaultSeries() {
        Set<String> recorded = new TreeSet<>();
        curves.values().forEach(c -> recorded.addAll(c.keySet()));
        Set<String> headline = new LinkedHashSet<>();
        runs.forEach(r -> kinds.find(r.kind()).map(ExperimentKind::headlineSeries).ifPresent(headline::addAll));
        List<String> chosen = headline.stream().filter(recorded::contains).toList();
        return chosen.isEmpty() ? recorded.stream().limit(2).toList() : chosen;
    }

    private static Map<String, NavigableMap<Long, Double>> byseries(List<MetricPoint> points) {
        Map<String, NavigableMap<Long, Double>> out = new TreeMap<>();
        points.forEach(p -> out.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.step(), p.value()));
        return out;
    }
}
