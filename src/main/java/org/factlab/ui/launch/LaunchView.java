package org.factlab.ui.launch;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.sweep.StudyPlan;
import org.factlab.experiments.sweep.StudyPreset;
import org.factlab.experiments.sweep.StudyPresets;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.QuotaExceededException;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyRequest;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.factlab.ui.base.Formats;
import org.factlab.ui.base.MainLayout;
import org.factlab.ui.run.RunView;
import org.factlab.ui.study.StudyView;

/**
 * Launch page: kind, preset, the kind's {@link SpecForm}, its uploads ({@link LaunchUploads}), a sweep, launch. Accepts
 * {@code ?kind=…&preset=…} to preselect, and {@code ?from=<run id>} to fill in a run's kind, preset, spec and name
 * (*Edit and launch* on a run's page).
 */
@Route(value = "launch", layout = MainLayout.class)
@PageTitle("Launch · FACT Lab")
@RolesAllowed("RESEARCHER") // admins have the researcher role too (access.Role)
public class LaunchView extends VerticalLayout implements BeforeEnterObserver {

    private static final String NO_PRESET = "(defaults)";

    private final RunService service;
    private final KindRegistry kinds;
    private final Select<ExperimentKind<?>> kindSelect = new Select<>();
    private final Select<String> presetSelect = new Select<>();
    private final Paragraph kindDescription = new Paragraph();
    private final Paragraph presetDescription = new Paragraph();
    private final TextField runName = new TextField("Run name");
    private final SpecForm form = new SpecForm(this::updateSize);
    private final Span formError = new Span();
    private final StudyService studies;
    private final SweepEditor sweep;
    private final LaunchUploads uploads;

    public LaunchView(RunService service, KindRegistry kinds, StudyService studies, LaunchUploads uploads) {
        this.service = service;
        this.uploads = uploads;
        uploads.onUploaded(form::set);
        this.kinds = kinds;
        this.studies = studies;
        List<String> installed = kinds.all().stream().map(ExperimentKind::id).toList();
        String unavailable = StudyPresets.all().stream()
                .filter(p -> p.unavailableReason(installed).isPresent())
                .map(p -> p.id() + " (" + p.unavailableReason(installed).orElseThrow() + ")")
                .collect(Collectors.joining("; "));
        sweep = new SweepEditor(
                studies.availablePresets(),
                unavailable.isEmpty() ? "" : "Not available here: " + unavailable + ".",
                this::applyStudyPreset,
                this::updateSize);
        setMaxWidth("1100px");
        kindSelect.setLabel("Experiment kind");
        kindSelect.setId("kind");
        kindSelect.setItems(kinds.all());
        kindSelect.setItemLabelGenerator(k -> k.title() + " (" + k.id() + ")");
        kindSelect.setWidth("40em");
        presetSelect.setWidth("40em");
        presetSelect.setLabel("Preset");
        presetSelect.setId("preset");
        runName.setId("run-name");
        runName.setPlaceholder("defaults to kind · preset");
        runName.setWidth("24em");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setId("form-error");
        Button launch = new Button("Launch", e -> launch());
        launch.setId("launch");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        kindSelect.addValueChangeListener(e -> onKind(e.getValue(), null));
        presetSelect.addValueChangeListener(e -> onPreset(e.getValue()));
        add(
                new H2("Launch a run"),
                kindSelect,
                kindDescription,
                presetSelect,
                presetDescription,
                runName,
                uploads,
                form,
                sweep,
                formError,
                launch);
        kindSelect.setValue(kinds.all().stream()
                .filter(ExperimentKind::opensLaunchPage)
                .findFirst()
                .orElse(kinds.all().get(0)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String preset = q.getOrDefault("preset", List.of()).stream().findFirst().orElse(null);
        q.getOrDefault("kind", List.of()).stream()
                .findFirst()
                .flatMap(kinds::find)
                .ifPresent(k -> onKindSelected(k, preset));
        q.getOrDefault("from", List.of()).stream()
                .findFirst()
                .flatMap(service::find)
                .ifPresent(this::fillFrom);
        if (q.containsKey(SweepEditor.OPEN_PARAMETER)) {
            sweep.setOpened(true);
        }
    }

    /** The form as {@code run} was launched: its kind, preset, every spec field and its name. */
    private void fillFrom(Run run) {
        kinds.find(run.kind()).ifPresent(k -> {
            onKindSelected(k, run.preset() == null ? NO_PRESET : run.preset());
            run.spec().forEach(form::set);
            runName.setValue(run.name());
        });
    }

    private void onKindSelected(ExperimentKind<?> kind, String preset) {
        kindSelect.setValue(kind);
        onKind(kind, preset);
    }

    private void onKind(ExperimentKind<?> kind, String preset) {
        if (kind == null) {
            return;
        }
        kindDescription.setText(kind.description());
        uploads.showFor(kind);
        form.setKind(kind);
        sweep.setKind(kind.id(), form.fieldNames());
        List<String> presets =
                new ArrayList<>(kind.presets().stream().map(Preset::id).toList());
        presets.add(NO_PRESET);
        presetSelect.setItems(presets);
        presetSelect.setItemLabelGenerator(id -> kind.presets().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .map(p -> p.title() + " [" + p.id() + "]")
                .orElse(id));
        presetSelect.setValue(preset != null && presets.contains(preset) ? preset : presets.get(0));
    }

    private void onPreset(String presetId) {
        ExperimentKind<?> kind = kindSelect.getValue();
        if (kind == null || presetId == null) {
            return;
        }
        Preset<?> preset = kind.presets().stream()
                .filter(p -> p.id().equals(presetId))
                .findFirst()
                .orElse(null);
        Record spec = preset == null ? kind.defaultSpec() : preset.spec();
        presetDescription.setText(
                preset == null
                        ? "The kind's default values."
                        : preset.description()
                                + (preset.expected().isEmpty() ? "" : " Expected: " + expectedText(preset.expected()))
                                + measured(kind, presetId));
        form.fillPreset(spec);
        formError.setText("");
        updateSize();
    }

    /** How long this preset's latest succeeded run took on this server, if it ran here (issue #30 item 4). */
    private String measured(ExperimentKind<?> kind, String presetId) {
        return service
                .list(service.filter(Map.of(
                        "kind", List.of(kind.id()), "preset", List.of(presetId), "status", List.of("SUCCEEDED"))))
                .stream()
                .filter(r -> r.startedAt() != null && r.finishedAt() != null)
                .max(java.util.Comparator.comparing(Run::finishedAt))
                .map(r -> " Its latest run here took " + Formats.duration(Formats.runTime(r)) + ".")
                .orElse("");
    }

    /** Sets the form to a study preset's kind and run preset (its fields then show that preset's values). */
    private void applyStudyPreset(StudyPreset p) {
        kinds.find(p.kind()).ifPresent(k -> onKindSelected(k, p.preset() == null ? NO_PRESET : p.preset()));
    }

    private StudyRequest studyRequest() {
        String preset = NO_PRESET.equals(presetSelect.getValue()) ? null : presetSelect.getValue();
        String studyPreset = sweep.studyPresetId();
        return new StudyRequest(
                kindSelect.getValue().id(),
                studyPreset != null ? studyPreset : preset,
                form.changedSincePreset(),
                sweep.sweep(),
                sweep.seeds(),
                runName.getValue(),
                sweep.notes());
    }

    /** The expansion size of the sweep as it stands, or why it would be refused. */
    private void updateSize() {
        if (kindSelect.getValue() == null || !sweep.isStudy()) {
            sweep.showSize("No sweep: Launch starts one run.", true);
            return;
        }
        try {
            StudyPlan plan = studies.plan(studyRequest());
            sweep.showSize(
                    plan.settings().size() + " settings × " + plan.seeds() + " seeds = "
                            + plan.runs().size() + " runs (at most " + studies.maxRuns() + ")",
                    true);
        } catch (SpecValidationException e) {
            sweep.showSize("Not launchable: " + e.getMessage(), false);
        }
    }

    private static String expectedText(Map<String, Double> expected) {
        return expected.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " ≈ " + Formats.number(e.getValue()))
                        .collect(Collectors.joining(", "))
                + ".";
    }

    private void launch() {
        ExperimentKind<?> kind = kindSelect.getValue();
        String preset = NO_PRESET.equals(presetSelect.getValue()) ? null : presetSelect.getValue();
        form.clearErrors();
        try {
            if (sweep.isStudy()) {
                StudyRuns study = studies.create(studyRequest());
                UI.getCurrent().navigate(StudyView.class, study.study().id());
                return;
            }
            Run run = service.submit(kind.id(), preset, form.values(), runName.getValue());
            UI.getCurrent().navigate(RunView.class, run.id());
        } catch (SpecValidationException e) {
            form.showErrors(e.errors());
            formError.setText("Not launched: " + e.getMessage());
        } catch (QuotaExceededException e) {
            formError.setText("Not launched: " + e.getMessage());
        }
    }
}
