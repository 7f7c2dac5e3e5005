package org.factlab.ui.launch;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.FieldInfo;
import org.factlab.experiments.SpecCodec;

/**
 * The launch page's form of one kind's spec, generated from its {@code @SpecField} metadata: a checkbox per boolean,
 * a select per choice, a text field otherwise (element id {@code field-<name>}). It remembers the values a preset
 * filled in, so that a study sends only the fields changed since, and shows refused fields by name.
 */
final class SpecForm extends FormLayout {

    private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();
    /** Each input's value as the chosen preset filled it in. */
    private final Map<String, String> presetValues = new LinkedHashMap<>();

    private final Runnable onChange;

    /** @param onChange called after any input changed (the page recounts its sweep) */
    SpecForm(Runnable onChange) {
        this.onChange = onChange;
    }

    /** One input per field of {@code kind}'s spec, in the record's order. */
    void setKind(ExperimentKind<?> kind) {
        removeAll();
        inputs.clear();
        for (FieldInfo f : SpecCodec.fields(kind)) {
            Component input = input(f);
            inputs.put(f.name(), (HasValue<?, ?>) input);
            listen((HasValue<?, ?>) input);
            add(input);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void listen(HasValue input) {
        input.addValueChangeListener(e -> onChange.run());
    }

    /** The form's field names, in order. */
    List<String> fieldNames() {
        return List.copyOf(inputs.keySet());
    }

    /** Fills in a preset's spec; its values are then what {@link #changedSincePreset()} compares with. */
    void fillPreset(Record spec) {
        SpecCodec.toMap(spec).forEach(this::set);
        presetValues.clear();
        inputs.forEach((name, input) -> presetValues.put(name, String.valueOf(input.getValue())));
    }

    /** Sets one field (as JSON would give it); unknown names are ignored. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void set(String name, Object value) {
        HasValue input = inputs.get(name);
        if (input instanceof Checkbox c) {
            c.setValue(Boolean.TRUE.equals(value));
        } else if (input instanceof Select s) {
            s.setValue(String.valueOf(value));
        } else if (input != null) {
            input.setValue(SpecText.value(value));
        }
        if (input instanceof HasValidation v) {
            v.setInvalid(false);
        }
    }

    /** Every field's value as entered. */
    Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        inputs.forEach((name, input) -> out.put(name, input.getValue()));
        return out;
    }

    /** The fields whose value differs from what the preset filled in. */
    Map<String, Object> changedSincePreset() {
        Map<String, Object> changed = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (!String.valueOf(input.getValue()).equals(presetValues.get(name))) {
                changed.put(name, input.getValue());
            }
        });
        return changed;
    }

    /** Marks each refused field with its message, after clearing the marks of an earlier try. */
    void showErrors(List<FieldError> errors) {
        clearErrors();
        for (FieldError err : errors) {
            if (inputs.get(err.field()) instanceof HasValidation v) {
                v.setErrorMessage(err.message());
                v.setInvalid(true);
            }
        }
    }

    void clearErrors() {
        inputs.values().forEach(i -> {
            if (i instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
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
}
