package org.factlab.ui.runs;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.RunFilter;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;

/**
 * The runs grid's filter, the same as {@code GET /api/runs} takes: search in names and notes, kind, status, tags,
 * preset, and spec and summary conditions ({@link FilterConditions}). Tells {@code onChange} each valid filter; an
 * invalid one is explained under the fields and changes nothing.
 */
final class RunsFilterBar extends VerticalLayout {

    private static final String ANY_KIND = "all kinds";
    private static final String ANY_STATUS = "all statuses";

    private final RunService service;
    private final Consumer<RunFilter> onChange;
    private final TextField search = new TextField();
    private final Select<String> kind = new Select<>();
    private final Select<String> status = new Select<>();
    private final TextField tags = new TextField();
    private final TextField preset = new TextField();
    private final TextField conditions = new TextField();
    private final Span error = new Span();
    private boolean quiet;

    RunsFilterBar(RunService service, List<String> kinds, Consumer<RunFilter> onChange) {
        this.service = service;
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        search.setPlaceholder("Search names and notes");
        search.setId("filter-q");
        List<String> kindItems = new ArrayList<>(List.of(ANY_KIND));
        kindItems.addAll(kinds);
        kind.setItems(kindItems);
        kind.setValue(ANY_KIND);
        kind.setId("filter-kind");
        List<String> statuses = new ArrayList<>(List.of(ANY_STATUS));
        for (RunStatus s : RunStatus.values()) {
            statuses.add(s.name());
        }
        status.setItems(statuses);
        status.setValue(ANY_STATUS);
        status.setId("filter-status");
        tags.setPlaceholder("Tags");
        tags.setId("filter-tag");
        tags.setWidth("9em");
        preset.setPlaceholder("Preset");
        preset.setId("filter-preset");
        preset.setWidth("9em");
        conditions.setPlaceholder("Spec, summary: n=500 test/accuracy>=0.99");
        conditions.setId("filter-conditions");
        conditions.setWidth("26em");
        error.setId("filter-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        for (TextField t : List.of(search, tags, preset, conditions)) {
            t.setValueChangeMode(ValueChangeMode.LAZY);
            t.setClearButtonVisible(true);
        }
        for (HasValue<?, ?> input : List.of(search, kind, status, tags, preset, conditions)) {
            input.addValueChangeListener(e -> changed());
        }
        HorizontalLayout fields = new HorizontalLayout(search, kind, status, tags, preset, conditions);
        fields.setWidthFull();
        fields.getStyle().set("flex-wrap", "wrap");
        fields.setAlignItems(Alignment.BASELINE);
        add(fields, error);
    }

    /** Sets the fields to {@code filter} without telling {@code onChange}. */
    void show(RunFilter filter) {
        quiet = true;
        search.setValue(filter.q() == null ? "" : filter.q());
        kind.setValue(filter.kind() == null ? ANY_KIND : filter.kind());
        status.setValue(filter.status() == null ? ANY_STATUS : filter.status().name());
        tags.setValue(String.join(" ", filter.tags()));
        preset.setValue(filter.preset() == null ? "" : filter.preset());
        conditions.setValue(FilterConditions.text(filter));
        quiet = false;
    }

    void showError(String message) {
        error.setText(message);
    }

    private void changed() {
        if (quiet) {
            return;
        }
        try {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("q", List.of(search.getValue()));
            params.put("kind", List.of(ANY_KIND.equals(kind.getValue()) ? "" : kind.getValue()));
            params.put("status", List.of(ANY_STATUS.equals(status.getValue()) ? "" : status.getValue()));
            params.put("tag", org.factlab.runs.RunLabels.split(tags.getValue()));
            params.put("preset", List.of(preset.getValue()));
            params.putAll(FilterConditions.params(conditions.getValue()));
            RunFilter filter = service.filter(params);
            error.setText("");
            onChange.accept(filter);
        } catch (SpecValidationException e) {
            error.setText("Filter not applied: " + e.getMessage());
        }
    }
}
