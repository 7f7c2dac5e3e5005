package org.factlab.ui.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
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
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.access.ShareService;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.PresetEdits;
import org.factlab.experiments.paper.PresetRows;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;
import org.factlab.ui.run.sections.Figure7Panel;
import org.factlab.ui.run.sections.MatrixPanel;
import org.factlab.ui.run.sections.RunPageData;
import org.factlab.ui.run.sections.SectionPanels;
import org.factlab.ui.runs.RunsView;
import org.factlab.ui.share.SharePanel;

/**
 * The page of one run ({@code /runs/{id}}): its header, then the sections its kind declares
 * ({@code ExperimentKind.sections()}), each drawn by the renderer of its type ({@link SectionPanels}), then the
 * series no section shows. Loads the recorded history, then follows the run live ({@link LiveFollow}): events are
 * coalesced, read outside the UI lock and pushed at most every 250 ms. The page knows no kind by name.
 */
@Route(value = "runs", layout = MainLayout.class)
@PermitAll
public class RunView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final RunPageReads reads;
    private final LiveFollow live;
    private final RunPermissions permissions;
    private final ShareService shares;
    private SeriesStore store = new SeriesStore();
    private final RunHeader header = new RunHeader(this::cancel);
    private final PaperComparison expected = new PaperComparison();
    private final DepartureBanner departure = new DepartureBanner();
    private final MultiSelectComboBox<Run> overlay = new MultiSelectComboBox<>("Overlay other runs of this kind");
    /** The overlaid runs' curves: run label → series → {steps, values}. */
    private volatile Map<String, Map<String, double[][]>> overlays = Map.of();

    private SectionPanels sections;
    /** True once the sections are on the page (they join it in a second response: {@link #attachSections()}). */
    private boolean sectionsAttached;

    private FigureDownloads figures;
    private volatile Run run;
    private volatile List<String> notes = List.of();
    private boolean readOnly;
    private UI ui;
    /** The live follow of the run shown, closed when another run is opened in this view. */
    private LiveFollow.Handle following;

    public RunView(RunPageReads reads, LiveFollow live, RunPermissions permissions, ShareService shares) {
        this.reads = reads;
        this.live = live;
        this.permissions = permissions;
        this.shares = shares;
        setWidthFull();
        overlay.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showOverlay(e.getValue());
            }
        });
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        Optional<Run> found = reads.run(id);
        if (found.isEmpty()) {
            removeAll();
            add(
                    new H3("No run " + id),
                    new Paragraph("The link may be mistyped, or the run was deleted."),
                    new RouterLink("Back to all runs", RunsView.class));
            return;
        }
        open(found.get(), "/api/runs/" + id, false);
        reloadIfAttached();
    }

    /**
     * Loads the run just opened when this view is already on the page: navigating from one run page to another
     * (Launch again, Edit and launch, a link in the notes, back and forward) reuses the view without attaching it
     * again, so {@link #onAttach} does not run.
     */
    protected void reloadIfAttached() {
        if (ui != null && isAttached()) {
            load(ui);
        }
    }

    /**
     * Lays out the page of {@code found}: header, downloads under {@code downloadBase}, expected values, the kind's
     * sections. A read-only page (a share link) has no cancel button, no share links and no overlay of other runs,
     * so it shows nothing but this run; otherwise cancel and share are there for the run's owner and admins.
     */
    protected void open(Run found, String downloadBase, boolean readOnly) {
        removeAll();
        if (following != null) {
            following.close();
            following = null;
        }
        run = found;
        store = new SeriesStore();
        overlays = Map.of();
        overlay.clear();
        this.readOnly = readOnly;
        boolean controls = !readOnly && permissions.mayControl(found);
        header.setCancellable(controls);
        header.setEdited(reads.kind(found.kind())
                .map(k -> PresetEdits.of(k, found.preset(), found.spec()))
                .orElse(List.of()));
        header.setUploads(reads.uploadNames(found));
        departure.show(found, reads.kind(found.kind()));
        sections = new SectionPanels(reads.sections(found.kind()), downloadBase, this::showStep);
        HorizontalLayout downloads =
                new HorizontalLayout(DownloadLink.to(downloadBase + "/metrics.csv", "Download metrics CSV"));
        downloads.setId("downloads");
        figures = new FigureDownloads(downloadBase);
        overlay.setId("overlay");
        overlay.setWidth("min(40em, 100%)");
        overlay.setItemLabelGenerator(r -> r.name() + " [" + r.id() + ", " + r.status() + "]");
        // offered only where a section draws curves over steps (inspect's one probe has none to overlay)
        List<Section> declared = reads.sections(found.kind());
        overlay.setVisible(!readOnly
                && (declared.isEmpty()
                        || declared.stream()
                                .anyMatch(s -> s instanceof CurvesSection || s instanceof LayerAlignmentSection)));
        add(departure, header, downloads, expected);
        add(new RunManagePanel(reads.service(), permissions, found, header::show, readOnly));
        if (controls) {
            add(SharePanel.of(shares, permissions, found));
        }
        add(overlay);
        sectionsAttached = false;
    }

    /**
     * Adds the kind's sections and the figure links: called by the browser once it has drawn the rest of the page
     * (see {@link #onAttach}), so that building a run page is two main-thread tasks in the browser, not one long one.
     */
    @ClientCallable
    void attachSections() {
        if (sections == null || sectionsAttached) {
            return;
        }
        sectionsAttached = true;
        sections.components().forEach(this::add);
        add(figures);
    }

    @Override
    public String getPageTitle() {
        return (run == null ? "Run" : run.name()) + " · FACT Lab";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
        if (run != null) {
            load(ui);
        }
    }

    /** Reads the run's history, shows it, and follows the run live from here on. */
    private void load(UI ui) {
        String id = run.id();
        if (following != null) {
            following.close();
        }
        following = live.follow(ui, this, List.of(id), this::read);
        run = reads.run(id).orElse(run);
        store.addAll(reads.points(id));
        notes = sections.needNotes() ? reads.notes(id) : List.of();
        header.show(run);
        if (!readOnly) {
            overlay.setItems(reads.others(run));
        }
        showData(data());
        for (MatrixPanel panel : sections.matrices()) {
            panel.addSteps(reads.matrixSteps(id, panel.names()));
            if (panel.latestStep() >= 0) {
                panel.show(panel.latestStep(), reads.matricesAt(id, panel.names(), panel.latestStep()));
            }
        }
        for (Figure7Panel panel : sections.scatters()) {
            reads.latestMatrix(id, panel.pairsMatrix()).ifPresent(p -> panel.show(p, data()));
        }
        showExpected();
        // A page reached from the launch form keeps the form's scroll position: start at the top (status, ETA).
        getElement().executeJs("""
                const toTop = () => {
                  for (let n = $0; n; n = n.assignedSlot || n.parentElement
                      || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
                    if (n.scrollTop) { n.scrollTop = 0; }
                  }
                  window.scrollTo(0, 0);
                };
                toTop();
                requestAnimationFrame(toTop);
                setTimeout(() => $0.$server.attachSections(), 0);""", getElement());
    }

    /**
     * The live update of the events of one tick, read off the UI thread: curves from the events themselves, the run
     * and its notes when its status changed, the newest snapshots of followed heatmaps, recorded pairs.
     */
    private Runnable read(List<RunEvent> events) {
        boolean curvesChanged = false;
        boolean statusChanged = false;
        RunEvent.Progress progress = null;
        Map<String, List<Long>> newSteps = new HashMap<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Metrics m) {
                store.add(m.step(), m.values());
                curvesChanged = true;
            } else if (e instanceof RunEvent.Matrix m) {
                newSteps.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m.step());
            } else if (e instanceof RunEvent.Progress p) {
                progress = p;
            } else {
                statusChanged = true;
            }
        }
        Run current = statusChanged ? reads.run(run.id()).orElse(run) : run;
        run = current;
        if (statusChanged && sections.needNotes()) {
            notes = reads.notes(current.id());
        }
        RunPageData data = curvesChanged || statusChanged ? data() : null;
        Map<MatrixPanel, List<Long>> stepsByPanel = new LinkedHashMap<>();
        Map<MatrixPanel, List<MatrixSnapshot>> newest = new LinkedHashMap<>();
        for (MatrixPanel panel : sections.matrices()) {
            List<Long> steps = panel.names().stream()
                    .flatMap(n -> newSteps.getOrDefault(n, List.of()).stream())
                    .toList();
            if (!steps.isEmpty()) {
                stepsByPanel.put(panel, steps);
                if (panel.isFollowing()) {
                    long last = steps.stream().mapToLong(Long::longValue).max().orElseThrow();
                    newest.put(panel, reads.matricesAt(current.id(), panel.names(), last));
                }
            }
        }
        Map<Figure7Panel, MatrixSnapshot> pairs = new LinkedHashMap<>();
        for (Figure7Panel panel : sections.scatters()) {
            if (newSteps.containsKey(panel.pairsMatrix())
                    || (statusChanged && current.status().isTerminal())) {
                reads.latestMatrix(current.id(), panel.pairsMatrix()).ifPresent(p -> pairs.put(panel, p));
            }
        }
        RunPageData pairsData = pairs.isEmpty() ? null : data != null ? data : data();
        RunEvent.Progress lastProgress = progress;
        boolean reloadStatus = statusChanged;
        return () -> {
            if (data != null) {
                showData(data);
            }
            if (reloadStatus) {
                header.show(current);
                showExpected();
            } else if (lastProgress != null) {
                header.progress(current, lastProgress.done(), lastProgress.total());
            }
            stepsByPanel.forEach((panel, steps) -> {
                if (panel.addSteps(steps) && newest.containsKey(panel)) {
                    panel.show(panel.latestStep(), newest.get(panel));
                }
            });
            pairs.forEach((panel, p) -> panel.show(p, pairsData));
        };
    }

    private RunPageData data() {
        return new RunPageData(store.curves(), summary(run), notes, overlays);
    }

    private void showData(RunPageData data) {
        sections.panels().forEach(p -> p.show(data));
        figures.show(data.curves().keySet());
    }

    /** Loads a step's matrices off the UI thread, then shows them. */
    private void showStep(MatrixPanel panel, long step) {
        String id = run.id();
        live.once(ui, () -> {
            List<MatrixSnapshot> snapshots = reads.matricesAt(id, panel.names(), step);
            return () -> panel.show(step, snapshots);
        });
    }

    private static Map<String, Double> summary(Run r) {
        return r.summary() == null ? Map.of() : r.summary();
    }

    private void showExpected() {
        Optional<ExperimentKind<?>> kind = reads.kind(run.kind());
        Map<String, Double> reference = kind.flatMap(k -> k.presets().stream()
                        .filter(p -> p.id().equals(run.preset()))
                        .findFirst())
                .map(Preset::expected)
                .orElse(Map.of());
        expected.show(
                run.preset() == null ? List.of() : PresetRows.of(run.kind(), run.preset(), reference),
                summary(run),
                run.status().isTerminal(),
                s -> SeriesLabels.label(kind, s));
    }

    /**
     * Overlays the curves of the chosen runs (same kind, e.g. NFA-RFM next to FACT-RFM on one task), each named by
     * the fields in which it differs from this run and the others ({@link CompareGroups}).
     */
    private void showOverlay(Set<Run> runs) {
        Map<String, Map<String, double[][]>> chosen = new LinkedHashMap<>();
        List<Run> all = new java.util.ArrayList<>(List.of(run));
        all.addAll(runs);
        Map<String, String> labels = new java.util.HashMap<>();
        CompareGroups.of(all, CompareGroups.GROUP_NONE, null)
                .forEach(g -> labels.put(g.runs().get(0).id(), g.label()));
        runs.forEach(r -> {
            SeriesStore s = new SeriesStore();
            s.addAll(reads.points(r.id()));
            String label = labels.get(r.id());
            chosen.put(label == null || label.isBlank() ? r.name() + " [" + r.id() + "]" : label, s.curves());
        });
        overlays = chosen;
        showData(data());
    }

    private void cancel() {
        permissions.require(!readOnly && permissions.mayControl(run), "cancel this run");
        reads.service().cancel(run.id());
    }
}
