package org.factlab.ui.run;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import java.util.function.Consumer;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.Run;
import org.factlab.runs.RunLabels;
import org.factlab.runs.RunService;
import org.factlab.ui.base.ConfirmBar;
import org.factlab.ui.base.MarkdownText;
import org.factlab.ui.launch.LaunchView;
import org.factlab.ui.runs.RunsView;

/**
 * A run page's tags and notes (Markdown, rendered and sanitised) for everyone who sees the page; for the run's owner
 * and admins also editing its name, tags and notes, and deleting it after a confirmation; for researchers *Launch
 * again* (the same spec) and *Edit and launch* (the launch form filled in with the run's kind and spec).
 */
final class RunManagePanel extends VerticalLayout {

    private final RunService service;
    private final RunPermissions permissions;
    private final Consumer<Run> onEdited;
    private final Span tags = new Span();
    private final Div notes = new Div();
    private final TextField name = new TextField("Name");
    private final TextField tagsField = new TextField("Tags");
    private final TextArea notesField = new TextArea("Notes (Markdown)");
    private final Span error = new Span();
    private final ConfirmBar confirm = new ConfirmBar("confirm-delete-run");
    private Run run;

    /**
     * @param readOnly a share link's page: the tags and the notes only, no action
     */
    RunManagePanel(RunService service, RunPermissions permissions, Run run, Consumer<Run> onEdited, boolean readOnly) {
        this.service = service;
        this.permissions = permissions;
        this.onEdited = onEdited;
        setPadding(false);
        setSpacing(false);
        setId("run-manage");
        tags.setId("run-tags");
        tags.addClassName("run-meta");
        notes.setId("run-notes");
        add(tags, notes);
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(Alignment.BASELINE);
        if (permissions.mayLaunch() && !readOnly) {
            Button again = new Button("Launch again", e -> launchAgain());
            again.setId("launch-again");
            Button edit = new Button(
                    "Edit and launch",
                    e -> UI.getCurrent()
                            .navigate(
                                    LaunchView.class,
                                    new QueryParameters(Map.of("from", java.util.List.of(this.run.id())))));
            edit.setId("edit-and-launch");
            actions.add(again, edit);
        }
        if (permissions.mayControl(run) && !readOnly) {
            Button delete = new Button(
                    "Delete run",
                    e -> confirm.ask(
                            "Delete this run? Its metrics, matrices, notes "
                                    + "and share links go too; this cannot be undone.",
                            "Delete 1 run",
                            this::delete));
            delete.setId("delete-run");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
            add(editor());
        }
        error.setId("run-manage-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(actions, confirm, error);
        show(run);
    }

    private Details editor() {
        name.setId("edit-name");
        name.setWidth("30em");
        name.setMaxLength(RunLabels.MAX_NAME);
        tagsField.setId("edit-tags");
        tagsField.setWidth("30em");
        tagsField.setHelperText("at most " + RunLabels.MAX_TAGS + " short words, separated by spaces or commas");
        notesField.setId("edit-notes");
        notesField.setWidth("40em");
        notesField.setMinHeight("8em");
        notesField.setHelperText("**bold**, *italic*, `code`, [link](https://…), lists with - or 1.");
        Button save = new Button("Save", e -> save());
        save.setId("save-run-labels");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Details details =
                new Details("Edit name, tags and notes", new VerticalLayout(name, tagsField, notesField, save));
        details.setId("edit-run");
        return details;
    }

    private void show(Run r) {
        run = r;
        tags.setText(r.tags().isEmpty() ? "" : "Tags: " + String.join(", ", r.tags()));
        notes.removeAll();
        if (r.notes() != null) {
            notes.add(new Html(MarkdownText.toHtml(r.notes())));
        }
        name.setValue(r.name());
        tagsField.setValue(String.join(" ", r.tags()));
        notesField.setValue(r.notes() == null ? "" : r.notes());
    }

    private void save() {
        permissions.require(permissions.mayControl(run), "edit this run");
        try {
            Run edited = service.edit(run.id(), name.getValue(), notesField.getValue(), tagsField.getValue());
            error.setText("");
            show(edited);
            onEdited.accept(edited);
        } catch (SpecValidationException e) {
            error.setText("Not saved: " + e.getMessage());
        }
    }

    private void launchAgain() {
        permissions.require(permissions.mayLaunch(), "launch runs");
        try {
            Run launched = service.relaunch(run, null, null);
            UI.getCurrent().navigate(RunView.class, launched.id());
        } catch (SpecValidationException e) {
            error.setText("Not launched: " + e.getMessage());
        }
    }

    private void delete() {
        permissions.require(permissions.mayControl(run), "delete this run");
        service.delete(run);
        UI.getCurrent().navigate(RunsView.class);
    }
}
