package org.factlab.ui.launch;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.factlab.experiments.sweep.StudyPreset;
import org.factlab.experiments.sweep.SweepExpansion;
import org.factlab.ui.study.StudyView;

/**
 * The launch page's sweep part: a study preset, swept fields (each a list of values or a linear / log range),
 * the number of seeds and notes. A launch with any of them makes a study instead of a single run; the
 * expansion size is shown live ({@link #showSize}).
 */
public final class SweepEditor extends Details {

    /** The launch page's query parameter that opens the sweep expanded ({@code /launch?sweep}): "Launch a study". */
    public static final String OPEN_PARAMETER = "sweep";

    private static final String NONE = "(none)";
    private static final String LIST = "list";
    private static final String LINEAR = "linear";
    private static final String LOG = "log";

    private final List<StudyPreset> presets;
    private final Runnable onChange;
    private final Select<String> studyPreset = new Select<>();
    private final VerticalLayout rows = new VerticalLayout();
    private final IntegerField seeds = new IntegerField("Seeds");
    private final Checkbox gpuScale = new Checkbox("include GPU-scale values");
    private final TextArea notes = new TextArea("Study notes");
    private final Span size = new Span();
    private final List<AxisRow> axes = new ArrayList<>();
    private List<String> fieldNames = List.of();

    /**
     * @param onStudyPreset selects the preset's kind and run preset on the launch form
     * @param unavailable   the presets this server cannot run, with the reason, shown as a note
     */
    SweepEditor(List<StudyPreset> presets, String unavailable, Consumer<StudyPreset> onStudyPreset, Runnable onChange) {
        this.presets = presets;
        this.onChange = onChange;
        setSummaryText("Sweep: launch a study of several runs");
        setId("sweep");
        studyPreset.setLabel("Study preset");
        studyPreset.setId("study-preset");
        studyPreset.setWidth("40em");
        List<String> ids = new ArrayList<>(List.of(NONE));
        presets.forEach(p -> ids.add(p.id()));
        studyPreset.setItems(ids);
        studyPreset.setItemLabelGenerator(
                id -> find(id).map(p -> p.title() + " [" + p.id() + "]").orElse(id));
        studyPreset.setValue(NONE);
        studyPreset.addValueChangeListener(e -> find(e.getValue()).ifPresent(p -> {
            onStudyPreset.accept(p);
            apply(p);
        }));
        seeds.setId("sweep-seeds");
        seeds.setMin(1);
        seeds.setValue(1);
        seeds.setStepButtonsVisible(true);
        seeds.setHelperText("seed = base seed + 0 … N − 1");
        seeds.setValueChangeMode(ValueChangeMode.EAGER);
        seeds.addValueChangeListener(e -> onChange.run());
        gpuScale.setVisible(false);
        gpuScale.addValueChangeListener(e -> onChange.run());
        notes.setWidth("40em");
        size.setId("sweep-size");
        Button add = new Button("Add swept field", e -> {
            addRow(fieldNames.isEmpty() ? "" : fieldNames.get(0), LIST, "");
            onChange.run();
        });
        add.setId("add-sweep-field");
        rows.setPadding(false);
        VerticalLayout content = new VerticalLayout(
                studyPreset, new Paragraph(unavailable), rows, add, new HorizontalLayout(seeds, gpuScale), notes, size);
        content.setPadding(false);
        add(content);
    }

    /** The kind's fields become the sweepable ones; a study preset of another kind is deselected. */
    void setKind(String kindId, List<String> fields) {
        fieldNames = new ArrayList<>(fields);
        fieldNames.remove("seed");
        fieldNames.add(SweepExpansion.PRESET_AXIS);
        find(studyPreset.getValue()).filter(p -> !p.kind().equals(kindId)).ifPresent(p -> studyPreset.setValue(NONE));
        clearRows();
    }

    boolean isStudy() {
        return studyPresetId() != null || !axes.isEmpty() || seeds() > 1;
    }

    String studyPresetId() {
        return NONE.equals(studyPreset.getValue()) ? null : studyPreset.getValue();
    }

    int seeds() {
        return seeds.getValue() == null ? 1 : seeds.getValue();
    }

    String notes() {
        return notes.getValue();
    }

    /** Field → list of texts or range, in row order; a study preset's GPU-scale values added when ticked. */
    Map<String, Object> sweep() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        axes.forEach(a -> sweep.put(a.field.getValue(), a.value()));
        find(studyPreset.getValue())
                .filter(p -> gpuScale.getValue())
                .ifPresent(p -> p.gpuScaleSweep().forEach((field, extra) -> {
                    if (sweep.get(field) instanceof List<?> values) {
                        List<Object> all = new ArrayList<>(values);
                        all.addAll(extra);
                        sweep.put(field, all);
                    }
                }));
        return sweep;
    }

    void showSize(String text, boolean ok) {
        size.setText(text);
        size.getStyle().set("color", ok ? "var(--lumo-secondary-text-color)" : "var(--lumo-error-text-color)");
    }

    private void apply(StudyPreset p) {
        clearRows();
        p.sweep()
                .forEach((field, values) -> addRow(
                        field,
                        LIST,
                        String.join(", ", values.stream().map(String::valueOf).toList())));
        seeds.setValue(p.seeds());
        gpuScale.setVisible(!p.gpuScaleSweep().isEmpty());
        gpuScale.setValue(false);
        gpuScale.setLabel("include GPU-scale values " + StudyView.sweepText(p.gpuScaleSweep()));
        setOpened(true);
        onChange.run();
    }

    private java.util.Optional<StudyPreset> find(String id) {
        return presets.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private void clearRows() {
        axes.clear();
        rows.removeAll();
    }

    private void addRow(String field, String mode, String values) {
        AxisRow row = new AxisRow(axes.size());
        row.field.setValue(fieldNames.contains(field) ? field : fieldNames.get(0));
        row.mode.setValue(mode);
        row.values.setValue(values);
        axes.add(row);
        rows.add(row);
    }

    /** One swept field: a list of comma-separated values, or from / to / steps of a linear or log range. */
    private final class AxisRow extends HorizontalLayout {
        private final Select<String> field = new Select<>();
        private final Select<String> mode = new Select<>();
        private final TextField values = new TextField("values (comma-separated)");
        private final TextField from = new TextField("from");
        private final TextField to = new TextField("to");
        private final TextField steps = new TextField("steps");

        AxisRow(int index) {
            field.setLabel("field");
            field.setItems(fieldNames);
            field.setId("sweep-field-" + index);
            mode.setLabel("values");
            mode.setItems(LIST, LINEAR, LOG);
            mode.setItemLabelGenerator(m -> LIST.equals(m) ? "list" : m + " range");
            values.setId("sweep-values-" + index);
            values.setWidth("20em");
            Button remove = new Button("Remove", e -> {
                axes.remove(this);
                rows.remove(this);
                onChange.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            for (TextField t : List.of(values, from, to, steps)) {
                t.setValueChangeMode(ValueChangeMode.LAZY);
                t.addValueChangeListener(e -> onChange.run());
            }
            field.addValueChangeListener(e -> onChange.run());
            mode.addValueChangeListener(e -> {
                boolean list = LIST.equals(e.getValue());
                values.setVisible(list);
                from.setVisible(!list);
                to.setVisible(!list);
                steps.setVisible(!list);
                onChange.run();
            });
            setAlignItems(Alignment.BASELINE);
            add(field, mode, values, from, to, steps, remove);
        }

        Object value() {
            if (LIST.equals(mode.getValue())) {
                return Arrays.stream(values.getValue().split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(s -> (Object) s)
                        .toList();
            }
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("from", number(from.getValue()));
            range.put("to", number(to.getValue()));
            range.put("steps", number(steps.getValue()));
            range.put("scale", mode.getValue());
            return range;
        }

        /** A number when the text is one, else the text (the expansion then names the bad part). */
        private static Object number(String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                return text;
            }
        }
    }
}
