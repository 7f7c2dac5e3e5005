package org.factlab.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import org.factlab.access.RunPermissions;
import org.factlab.access.ShareService;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.paper.PresetRows;
import org.factlab.experiments.tabular.TabularResults;
import org.factlab.experiments.tabular.TabularSeries;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.LiveBus;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunService;

/**
 * The page of one run ({@code /runs/{id}}): loads the recorded history from the database, then follows the
 * live bus; updates are coalesced and pushed at most every 250 ms, with database reads outside the UI lock.
 */
@Route(value = "runs", layout = MainLayout.class)
@PermitAll
public class RunView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final RunService service;
    private final KindRegistry kinds;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final LiveBus bus;
    private final UiTicker ticker;
    private final RunPermissions permissions;
    private final ShareService shares;
    private final SeriesStore store = new SeriesStore();
    private final ConcurrentLinkedQueue<RunEvent> pending = new ConcurrentLinkedQueue<>();
    private final CurvePanel curves = new CurvePanel();
    private final RunHeader header = new RunHeader(this::cancel);
    private final PaperComparison expected = new PaperComparison();
    private final DepartureBanner departure = new DepartureBanner();
    private final MultiSelectComboBox<Run> overlay = new MultiSelectComboBox<>("Overlay other runs of this kind");
    private volatile SeriesStore overlayStore = new SeriesStore();
    private MatrixPanel matrixPanel;
    private FigureDownloads figures;
    private AlignmentPanel alignment;
    private Figure7Panel figure7;
    private TabularPanel tabular;
    private volatile Run run;
    private boolean readOnly;
    private AutoCloseable subscription;
    private ScheduledFuture<?> tick;

    public RunView(RunService service, KindRegistry kinds, MetricRepository metrics, MatrixRepository matrices,
                   LiveBus bus, UiTicker ticker, RunPermissions permissions, ShareService shares) {
        this.service = service;
        this.kinds = kinds;
        this.metrics = metrics;
        this.matrices = matrices;
        this.bus = bus;
        this.ticker = ticker;
        this.permissions = permissions;
        this.shares = shares;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        Optional<Run> found = service.find(id);
        if (found.isEmpty()) {
            removeAll();
            add(new H3("No run " + id), new Paragraph("The link may be mistyped, or the run was deleted."));
            return;
        }
        open(found.get(), "/api/runs/" + id, false);
    }

    /**
     * Lays out the page of {@code found}: header, downloads under {@code downloadBase}, curves, heatmaps, Figure 7
     * and expected values. A read-only page (a share link) has no cancel button, no share links and no overlay of
     * other runs, so it shows nothing but this run; otherwise cancel and share are there for the run's owner and
     * admins.
     */
    protected void open(Run found, String downloadBase, boolean readOnly) {
        removeAll();
        run = found;
        this.readOnly = readOnly;
        boolean controls = !readOnly && permissions.mayControl(found);
        header.setCancellable(controls);
        matrixPanel = new MatrixPanel(downloadBase, this::showStep);
        alignment = new AlignmentPanel();
        departure.show(found);
        HorizontalLayout downloads = new HorizontalLayout(
                DownloadLink.to(downloadBase + "/metrics.csv", "Download metrics CSV"));
        figures = new FigureDownloads(downloadBase);
        curves.setLabels(s -> kinds.find(found.kind()).map(k -> k.curveLabel(s)).orElse(s));
        downloads.setId("downloads");
        overlay.setId("overlay");
        overlay.setWidth("40em");
        overlay.setItemLabelGenerator(r -> r.name() + " [" + r.id() + ", " + r.status() + "]");
        overlay.addValueChangeListener(e -> showOverlay(e.getValue()));
        overlay.setVisible(!readOnly);
        figure7 = new Figure7Panel(downloadBase);
        tabular = new TabularPanel(downloadBase);
        add(departure, header, downloads, expected);
        if (!readOnly) {
            add(new RunManagePanel(service, permissions, found, header::show));
        }
        if (controls) {
            add(SharePanel.of(shares, permissions, found));
        }
        add(tabular, alignment, new H3("Curves"), overlay, curves, figures, new H3("Feature matrices"), matrixPanel,
                figure7);
    }

    @Override
    public String getPageTitle() {
        return (run == null ? "Run" : run.name()) + " · FACT Lab";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (run == null) {
            return;
        }
        UI ui = event.getUI();
        String id = run.id();
        subscription = bus.subscribe(id, pending::add);
        run = service.find(id).orElse(run);
        store.addAll(metrics.points(id));
        List<MatrixSnapshot.Info> infos = matrices.list(id).stream()
                .filter(m -> !m.name().equals(Figure7Panel.PAIRS)).toList();
        header.show(run);
        if (!readOnly) {
            overlay.setItems(service.list(run.kind(), null).stream().filter(r -> !r.id().equals(id)).toList());
        }
        Map<String, double[][]> own = store.curves();
        alignment.show(own);
        curves.show(genericCharts(own));
        figures.show(own.keySet());
        showTabular(tabularResults());
        matrixPanel.addSteps(infos.stream().map(MatrixSnapshot.Info::step).toList());
        if (matrixPanel.latestStep() >= 0) {
            matrixPanel.show(matrixPanel.latestStep(), load(matrixPanel.latestStep()));
        }
        showExpected();
        pairs().ifPresent(p -> figure7.show(p, summary(run)));
        tick = ticker.every250ms(() -> flush(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (tick != null) {
            tick.cancel(false);
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing a subscription cannot fail
            }
        }
    }

    /**
     * Drains the events of the last 250 ms, reads what they point to (the newest heatmaps included), then pushes
     * one update: at most 4 pushes a second, curves and heatmaps together.
     */
    private void flush(UI ui) {
        if (pending.isEmpty()) {
            return;
        }
        boolean curvesChanged = false;
        boolean statusChanged = false;
        RunEvent.Progress progress = null;
        List<Long> newSteps = new ArrayList<>();
        for (RunEvent e; (e = pending.poll()) != null; ) {
            if (e instanceof RunEvent.Metrics m) {
                store.add(m.step(), m.values());
                curvesChanged = true;
            } else if (e instanceof RunEvent.Matrix m) {
                if (!m.name().equals(Figure7Panel.PAIRS)) {
                    newSteps.add(m.step());
                }
            } else if (e instanceof RunEvent.Progress p) {
                progress = p;
            } else {
                statusChanged = true;
            }
        }
        Run current = statusChanged ? service.find(run.id()).orElse(run) : run;
        run = current;
        Map<String, double[][]> own = curvesChanged ? store.curves() : null;
        Map<String, Map<String, double[][]>> chartData = own == null ? null : genericCharts(own);
        Optional<MatrixSnapshot> pairs = statusChanged && current.status().isTerminal() ? pairs() : Optional.empty();
        TabularResults tabularResults = curvesChanged || statusChanged ? tabularResults() : null;
        RunEvent.Progress lastProgress = progress;
        boolean reloadStatus = statusChanged;
        long newest = newSteps.stream().mapToLong(Long::longValue).max().orElse(-1);
        List<MatrixSnapshot> newestSnapshots = newest >= 0 ? load(newest) : List.of();
        ui.access(() -> {
            if (own != null) {
                alignment.show(own);
                curves.show(chartData);
                figures.show(own.keySet());
            }
            showTabular(tabularResults);
            if (reloadStatus) {
                header.show(current);
                showExpected();
                pairs.ifPresent(p -> figure7.show(p, summary(current)));
            } else if (lastProgress != null) {
                header.progress(current, lastProgress.done(), lastProgress.total());
            }
            if (!newSteps.isEmpty() && matrixPanel.addSteps(newSteps)) {
                long step = matrixPanel.latestStep();
                if (step == newest) {
                    matrixPanel.show(step, newestSnapshots);
                } else {
                    showStepLater(ui, step);
                }
            }
        });
    }

    /** Loads a step's matrices off the UI thread, then shows them. */
    private void showStepLater(UI ui, long step) {
        ticker.once(() -> {
            List<MatrixSnapshot> snapshots = load(step);
            ui.access(() -> matrixPanel.show(step, snapshots));
        });
    }

    private void showStep(long step) {
        matrixPanel.show(step, load(step));
    }

    private Optional<MatrixSnapshot> pairs() {
        return matrices.find(run.id(), Figure7Panel.PAIRS, null);
    }

    private static Map<String, Double> summary(Run r) {
        return r.summary() == null ? Map.of() : r.summary();
    }

    /** The heatmaps of one step: every stored matrix except Figure 7's list of pairs. */
    private List<MatrixSnapshot> load(long step) {
        String id = run.id();
        return matrices.list(id).stream().map(MatrixSnapshot.Info::name).distinct()
                .filter(name -> !name.equals(Figure7Panel.PAIRS))
                .map(name -> matrices.findAtOrBefore(id, name, step)).flatMap(Optional::stream).toList();
    }

    /** The results table of a tabular run (read outside the UI lock), null for other kinds. */
    private TabularResults tabularResults() {
        Map<String, java.util.NavigableMap<Long, Double>> series = store.snapshot();
        return TabularResults.recognises(series.keySet()) ? TabularResults.of(series, summary(run),
                service.notes(run.id())) : null;
    }

    private void showTabular(TabularResults results) {
        if (results != null) {
            tabular.show(results);
        }
    }

    private void showExpected() {
        Optional<? extends ExperimentKind<?>> kind = kinds.find(run.kind());
        Map<String, Double> reference = kind.flatMap(k -> k.presets().stream()
                .filter(p -> p.id().equals(run.preset())).findFirst()).map(Preset::expected).orElse(Map.of());
        expected.show(run.preset() == null ? List.of() : PresetRows.of(run.kind(), run.preset(), reference),
                summary(run), run.status().isTerminal(), s -> kind.map(k -> k.seriesLabel(s)).orElse(s));
    }

    /** Overlays the curves of the chosen runs (same kind, e.g. NFA-RFM next to FACT-RFM on one task). */
    private void showOverlay(java.util.Set<Run> runs) {
        SeriesStore chosen = new SeriesStore();
        runs.forEach(r -> chosen.addAll(r.name() + " [" + r.id() + "]", metrics.points(r.id())));
        overlayStore = chosen;
        curves.clear();
        curves.show(genericCharts(store.curves()));
    }

    /** The generic panel's charts: this run's curves the alignment section does not draw, and the overlaid runs'. */
    /**
     * The curves no dedicated section shows: not the layer-wise ones (alignment section) and not a tabular suite's
     * per-dataset values (results table; their per-fold values are in the metrics CSV).
     */
    private Map<String, Map<String, double[][]>> genericCharts(Map<String, double[][]> own) {
        Map<String, double[][]> rest = SeriesNames.notInAlignmentSection(own);
        if (TabularResults.recognises(rest.keySet())) {
            rest = new java.util.TreeMap<>(rest);
            rest.keySet().removeIf(name -> name.startsWith(TabularSeries.PREFIX));
        }
        return SeriesStore.merge(rest, overlayStore);
    }

    private void cancel() {
        permissions.require(!readOnly && permissions.mayControl(run), "cancel this run");
        service.cancel(run.id());
    }
}
