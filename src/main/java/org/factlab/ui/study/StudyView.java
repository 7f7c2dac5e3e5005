package org.factlab.ui.study;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.access.ShareService;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sweep.StudyPreset;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.compare.FieldText;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.factlab.studies.StudyStatus;
import org.factlab.ui.base.Formats;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;
import org.factlab.ui.base.StatusBadge;
import org.factlab.ui.compare.CompareState;
import org.factlab.ui.run.RunView;
import org.factlab.ui.share.SharePanel;

/**
 * The page of one study ({@code /studies/{id}}): name and notes, progress (runs done / total, ETA), cancel, the
 * grid of its runs, and its results table, refreshed live (at most every 250 ms) while runs end. Researchers and
 * admins also find its share links here.
 */
@PermitAll
@Route(value = "studies", layout = MainLayout.class)
public class StudyView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final StudyService service;
    private final LiveFollow live;
    private final RunPermissions permissions;
    private final ShareService shares;
    private final KindRegistry kinds;
    private final H2 title = new H2();
    private final Span meta = new Span();
    private final Span status = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span timing = new Span();
    private boolean mayCancel;
    private boolean readOnly;
    private final Button cancel = new Button("Cancel study", e -> cancel());
    private final TextArea notes = new TextArea("Notes");
    private final Grid<StudyRuns.StudyRun> grid = new Grid<>();
    private final Paragraph deleted = new Paragraph();
    private final Set<String> runIds = new HashSet<>();
    private StudyTablePanel tablePanel;
    private Anchor compare;
    private volatile StudyRuns study;

    public StudyView(
            StudyService service,
            LiveFollow live,
            RunPermissions permissions,
            ShareService shares,
            KindRegistry kinds) {
        this.service = service;
        this.kinds = kinds;
        this.live = live;
        this.permissions = permissions;
        this.shares = shares;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        study = service.find(id).orElse(null);
        if (study == null) {
            add(
                    new H3("No study " + id),
                    new Paragraph("The link may be mistyped, or the study was deleted."),
                    new RouterLink("Back to all studies", StudiesView.class));
            return;
        }
        open(study, "/api/studies/" + id, false);
    }

    /**
     * Lays out the page of {@code found}, its table download under {@code downloadBase}. A read-only page (a share
     * link) has no cancel button, no share links, no notes to save and no links to pages that need an account
     * (runs, compare); otherwise cancel and share are there for the study's owner and admins.
     */
    protected void open(StudyRuns found, String downloadBase, boolean readOnly) {
        removeAll();
        study = found;
        this.readOnly = readOnly;
        mayCancel = !readOnly && permissions.mayControl(found.study());
        String id = found.study().id();
        runIds.addAll(study.runIds());
        StudyPreset preset = study.studyPreset();
        status.setId("study-status");
        timing.setId("study-timing");
        timing.addClassName("run-meta");
        meta.addClassName("run-meta");
        bar.setWidth("24em");
        cancel.setId("cancel-study");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        notes.setWidth("40em");
        notes.setValue(study.study().notes() == null ? "" : study.study().notes());
        boolean mayEditNotes = !readOnly && permissions.mayEditNotes(found.study());
        notes.setReadOnly(!mayEditNotes);
        Button saveNotes = new Button("Save notes", e -> saveNotes(id));
        saveNotes.setId("save-study-notes");
        saveNotes.setVisible(mayEditNotes);
        compare = new Anchor("/" + CompareState.of(study.runIds()).location(), "Compare these runs");
        compare.setId("study-compare");
        compare.setVisible(!readOnly);
        HorizontalLayout line = new HorizontalLayout(status, bar, timing, cancel);
        line.setAlignItems(Alignment.CENTER);
        HorizontalLayout notesLine = new HorizontalLayout(notes, saveNotes);
        notesLine.setAlignItems(Alignment.BASELINE);
        configureGrid();
        Optional<ExperimentKind<?>> kind = kinds.find(found.study().kind());
        List<String> defaultKeys = preset != null && !preset.tableKeys().isEmpty()
                ? preset.tableKeys()
                : kind.map(ExperimentKind::headlineSeries).orElse(List.of());
        tablePanel = new StudyTablePanel(
                downloadBase,
                List.copyOf(study.study().sweep().keySet()),
                preset == null ? null : preset.pivot(),
                defaultKeys,
                key -> SeriesLabels.label(kind, key),
                kind.map(ExperimentKind::sections).orElse(List.of()));
        add(title, line, meta, notesLine);
        if (!readOnly && permissions.mayControl(found.study())) {
            add(new StudyManagePanel(service, permissions, found, title::setText));
            add(SharePanel.of(shares, permissions, found));
        }
        if (preset != null) {
            add(new Paragraph(TexText.of(preset.title() + ". " + preset.description())));
        }
        deleted.setId("study-deleted-runs");
        add(new H3("Results"), tablePanel, new H3("Runs"), compare, grid, deleted);
        show(study);
    }

    /** Saves the notes when the current account still may (its owner or an admin); otherwise says why not. */
    private void saveNotes(String id) {
        if (!permissions.mayEditNotes(study.study())) {
            Notification.show("Only the study's owner or an admin may change its notes.");
            return;
        }
        try {
            service.updateNotes(id, notes.getValue());
        } catch (SpecValidationException e) {
            notes.setInvalid(true);
            notes.setErrorMessage(e.errors().get(0).message());
        }
    }

    @Override
    public String getPageTitle() {
        return (study == null ? "Study" : study.study().name()) + " · FACT Lab";
    }

    /** Re-reads the study (off the UI thread) whenever one of its runs reported something in the last tick. */
    @Override
    protected void onAttach(AttachEvent event) {
        if (study == null) {
            return;
        }
        String id = study.study().id();
        live.follow(
                event.getUI(),
                this,
                null,
                events -> events.stream().anyMatch(e -> runIds.contains(e.runId()))
                        ? service.find(id)
                                .<Runnable>map(fresh -> () -> show(fresh))
                                .orElse(null)
                        : null);
    }

    private void configureGrid() {
        grid.setId("study-runs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(r -> readOnly
                        ? new Span(r.run().name())
                        : new RouterLink(r.run().name(), RunView.class, r.run().id()))
                .setHeader("Run")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(r -> settingText(study.study().settings().get(r.setting())))
                .setHeader("Setting")
                .setAutoWidth(true);
        grid.addColumn(r -> r.run().seed()).setHeader("Seed").setAutoWidth(true);
        grid.addComponentColumn(r -> new StatusBadge(r.run()))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.duration(Formats.runTime(r.run())))
                .setHeader("Duration")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private void show(StudyRuns s) {
        study = s;
        title.setText(s.study().name());
        StudyStatus st = s.status();
        status.setText(st.name());
        status.setClassName("status-badge status-" + st.name().toLowerCase(java.util.Locale.ROOT));
        status.getElement().setAttribute("data-status", st.name());
        bar.setValue(s.progress());
        Duration eta = s.eta(Instant.now());
        timing.setText(
                s.done() + " / " + s.total() + " runs done" + (eta == null ? "" : " · ETA " + Formats.duration(eta)));
        cancel.setVisible(mayCancel && st == StudyStatus.RUNNING);
        Map<String, List<Object>> sweep = s.study().sweep();
        meta.setText(s.study().kind()
                + (s.study().studyPreset() == null
                        ? ""
                        : " · study preset " + s.study().studyPreset())
                + (s.study().preset() == null ? "" : " · preset " + s.study().preset())
                + (sweep.isEmpty() ? "" : " · sweep " + sweepText(sweep)) + " · "
                + s.study().seeds() + " seed(s) · created "
                + Formats.time(s.study().createdAt()));
        grid.setItems(s.runs());
        deleted.setText(
                s.deleted().isEmpty()
                        ? ""
                        : "Deleted: "
                                + s.deleted().stream()
                                        .map(d -> d.name() + " (" + Formats.time(d.deletedAt())
                                                + (d.deletedBy() == null ? "" : " by " + d.deletedBy()) + ")")
                                        .collect(java.util.stream.Collectors.joining("; ")));
        tablePanel.show(s.table());
    }

    /** "τ = 0.02, width = 10": a setting as in labels. */
    private static String settingText(Map<String, Object> setting) {
        return FieldText.of(List.copyOf(setting.keySet()), setting);
    }

    /** "τ ∈ {0.01, 0.02} × width ∈ {5, 10}": each swept field with its values, never a Java map string. */
    public static String sweepText(Map<String, List<Object>> sweep) {
        return sweep.entrySet().stream()
                .map(e -> FieldText.name(e.getKey()) + " ∈ {" + FieldText.value(e.getValue()) + "}")
                .collect(java.util.stream.Collectors.joining(" × "));
    }

    private void cancel() {
        permissions.require(mayCancel, "cancel this study");
        service.cancel(study.study().id());
    }
}
