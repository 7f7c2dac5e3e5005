package org.factlab.ui.launch;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.FieldInfo;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;
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
 * Launch page: kind, preset, a form generated from the kind's field metadata, launch. Accepts
 * {@code ?kind=…&preset=…} to preselect, and {@code ?from=<run id>} to fill in a run's kind, preset, spec and name
 * (*Edit and launch* on a run's page).
 */
@Route(value = "launch", layout = MainLayout.class)
@PageTitle("Launch · FACT Lab")
@RolesAllowed("RESEARCHER") // admins have the researcher role too (access.Role)
public class LaunchView extends VerticalLayout implements BeforeEnterObserver {

    private static final String NO_PRESET = "(defaults)";
    /** What a first visit opens on: Figure 4 in seconds (the quadratic kind's first preset), not a long run. */
    private static final String DEFAULT_KIND = "quadratic";

    private final RunService service;
    private final KindRegistry kinds;
    private final Select<ExperimentKind<?>> kindSelect = new Select<>();
    private final Select<String> presetSelect = new Select<>();
    private final Paragraph kindDescription = new Paragraph();
    private final Paragraph presetDescription = new Paragraph();
    private final TextField runName = new TextField("Run name");
    private final FormLayout form = new FormLayout();
    private final Span formError = new Span();
    private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();
    /** Each input's value as the chosen preset filled it in: a study sends only the fields changed since. */
    private final Map<String, String> presetValues = new LinkedHashMap<>();
    private final StudyService studies;
    private final SweepEditor sweep;
    private final InspectUploads inspectUploads;

    public LaunchView(RunService service, KindRegistry kinds, StudyService studies, InspectUploads inspectUploads) {
        this.service = service;
        this.inspectUploads = inspectUploads;
        inspectUploads.onUploaded(this::setInput);
        this.kinds = kinds;
        this.studies = studies;
        List<String> installed = kinds.all().stream().map(ExperimentKind::id).toList();
        String unavailable = StudyPresets.all().stream().filter(p -> p.unavailableReason(installed).isPresent())
                .map(p -> p.id() + " (" + p.unavailableReason(installed).orElseThrow() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        sweep = new SweepEditor(studies.availablePresets(), unavailable.isEmpty() ? "" : "Not available here: "
                + unavailable + ".", this::applyStudyPreset, this::updateSize);
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
        add(new H2("Launch a run"), kindSelect, kindDescription, presetSelect, presetDescription, runName,
                inspectUploads, form, sweep, formError, launch);
        kindSelect.setValue(kinds.find(DEFAULT_KIND).orElse(kinds.all().get(0)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String preset = q.getOrDefault("preset", List.of()).stream().findFirst().orElse(null);
        q.getOrDefault("kind", List.of()).stream().findFirst().flatMap(kinds::find)
                .ifPresent(k -> onKindSelected(k, preset));
        q.getOrDefault("from", List.of()).stream().findFirst().flatMap(service::find).ifPresent(this::fillFrom);
        if (q.containsKey(SweepEditor.OPEN_PARAMETER)) {
            sweep.setOpened(true);
        }
    }

    /** The form as {@code run} was launched: its kind, preset, every spec field and its name. */
    private void fillFrom(Run run) {
        kinds.find(run.kind()).ifPresent(k -> {
            onKindSelected(k, run.preset() == null ? NO_PRESET : run.preset());
            run.spec().forEach(this::setInput);
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
        inspectUploads.setVisible("inspect".equals(kind.id()));
        form.removeAll();
        inputs.clear();
        for (FieldInfo f : SpecCodec.fields(kind)) {
            Component input = input(f);
            inputs.put(f.name(), (HasValue<?, ?>) input);
            onChange((HasValue<?, ?>) input);
            form.add(input);
        }
        sweep.setKind(kind.id(), SpecCodec.fields(kind).stream().map(FieldInfo::name).toList());
        List<String> presets = new java.util.ArrayList<>(kind.presets().stream().map(Preset::id).toList());
        presets.add(NO_PRESET);
        presetSelect.setItems(presets);
        presetSelect.setItemLabelGenerator(id -> kind.presets().stream().filter(p -> p.id().equals(id)).findFirst()
                .map(p -> p.title() + " [" + p.id() + "]").orElse(id));
        presetSelect.setValue(preset != null && presets.contains(preset) ? preset : presets.get(0));
    }

    private void onPreset(String presetId) {
        ExperimentKind<?> kind = kindSelect.getValue();
        if (kind == null || presetId == null) {
            return;
        }
        Preset<?> preset = kind.presets().stream().filter(p -> p.id().equals(presetId)).findFirst().orElse(null);
        Record spec = preset == null ? kind.defaultSpec() : preset.spec();
        presetDescription.setText(preset == null ? "The kind's default values." : preset.description()
                + (preset.expected().isEmpty() ? "" : " Expected: " + expectedText(preset.expected())));
        SpecCodec.toMap(spec).forEach(this::setInput);
        presetValues.clear();
        inputs.forEach((name, input) -> presetValues.put(name, String.valueOf(input.getValue())));
        formError.setText("");
        updateSize();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void onChange(HasValue input) {
        input.addValueChangeListener(e -> updateSize());
    }

    /** Sets the form to a study preset's kind and run preset (its fields then show that preset's values). */
    private void applyStudyPreset(StudyPreset p) {
        kinds.find(p.kind()).ifPresent(k -> onKindSelected(k, p.preset() == null ? NO_PRESET : p.preset()));
    }

    private StudyRequest studyRequest() {
        String preset = NO_PRESET.equals(presetSelect.getValue()) ? null : presetSelect.getValue();
        Map<String, Object> changed = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (!String.valueOf(input.getValue()).equals(presetValues.get(name))) {
                changed.put(name, input.getValue());
            }
        });
        String studyPreset = sweep.studyPresetId();
        return new StudyRequest(kindSelect.getValue().id(), studyPreset != null ? studyPreset : preset, changed,
                sweep.sweep(), sweep.seeds(), runName.getValue(), sweep.notes());
    }

    /** The expansion size of the sweep as it stands, or why it would be refused. */
    private void updateSize() {
        if (kindSelect.getValue() == null || !sweep.isStudy()) {
            sweep.showSize("No sweep: Launch starts one run.", true);
            return;
        }
        try {
            StudyPlan plan = studies.plan(studyRequest());
            sweep.showSize(plan.settings().size() + " settings × " + plan.seeds() + " seeds = " + plan.runs().size()
                    + " runs (at most " + studies.maxRuns() + ")", true);
        } catch (SpecValidationException e) {
            sweep.showSize("Not launchable: " + e.getMessage(), false);
        }
    }

    private static String expectedText(Map<String, Double> expected) {
        return expected.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " ≈ " + Formats.number(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")) + ".";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void setInput(String name, Object value) {
        HasValue input = inputs.get(name);
        if (input instanceof Checkbox c) {
            c.setValue(Boolean.TRUE.equals(value));
        } else if (input instanceof Select s) {
            s.setValue(String.valueOf(value));
        } else if (input != null) {
            input.setValue(SpecText.value(value));
        }
        if (input instanceof com.vaadin.flow.component.HasValidation v) {
            v.setInvalid(false);
        }
    }

    private static Component input(FieldInfo f) {
        String help = f.description() + " — " + f.allowedRange();
        Component c;
        switch (f.type()) {
            case "boolean" -> {
                Checkbox box = new Checkbox(f.name());
                box.setTooltipText(help);
                c = box;
            }
            case "choice" -> {
                Select<String> s = new Select<>();
                s.setLabel(f.name());
                s.setItems(f.choices());
                s.setHelperText(help);
                c = s;
            }
            default -> {
                TextField t = new TextField(f.name());
                t.setHelperText(help);
                c = t;
            }
        }
        c.setId("field-" + f.name());
        return c;
    }

    private void launch() {
        ExperimentKind<?> kind = kindSelect.getValue();
        String preset = NO_PRESET.equals(presetSelect.getValue()) ? null : presetSelect.getValue();
        Map<String, Object> fields = new LinkedHashMap<>();
        inputs.forEach((name, input) -> fields.put(name, input.getValue()));
        inputs.values().forEach(i -> {
            if (i instanceof com.vaadin.flow.component.HasValidation v) {
                v.setInvalid(false);
            }
        });
        try {
            if (sweep.isStudy()) {
                StudyRuns study = studies.create(studyRequest());
                UI.getCurrent().navigate(StudyView.class, study.study().id());
                return;
            }
            Run run = service.submit(kind.id(), preset, fields, runName.getValue());
            UI.getCurrent().navigate(RunView.class, run.id());
        } catch (SpecValidationException e) {
            for (FieldError err : e.errors()) {
                if (inputs.get(err.field()) instanceof com.vaadin.flow.component.HasValidation v) {
                    v.setErrorMessage(err.message());
                    v.setInvalid(true);
                }
            }
            formError.setText("Not launched: " + e.getMessage());
        } catch (QuotaExceededException e) {
            formError.setText("Not launched: " + e.getMessage());
        }
    }
}
