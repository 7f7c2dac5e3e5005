package org.factlab.ui.study;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.SpecValidationException;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.factlab.ui.base.ConfirmBar;

/** Renaming a study, and deleting it with all its runs after a confirmation: for its owner and admins. */
final class StudyManagePanel extends VerticalLayout {

    private final StudyService service;
    private final RunPermissions permissions;
    private final StudyRuns study;
    private final TextField name = new TextField();
    private final Span error = new Span();

    StudyManagePanel(StudyService service, RunPermissions permissions, StudyRuns study, Consumer<String> onRenamed) {
        this.service = service;
        this.permissions = permissions;
        this.study = study;
        setPadding(false);
        setSpacing(false);
        name.setId("study-name");
        name.setValue(study.study().name());
        name.setWidth("30em");
        Button rename = new Button("Rename", e -> rename(onRenamed));
        rename.setId("rename-study");
        rename.addThemeVariants(ButtonVariant.LUMO_SMALL);
        ConfirmBar confirm = new ConfirmBar("confirm-delete-study");
        int runs = study.runs().size();
        Button delete = new Button(
                "Delete study",
                e -> confirm.ask(
                        "Delete this study and its " + runs
                                + (runs == 1 ? " run" : " runs")
                                + "? Their metrics, matrices, notes and share links go too; this "
                                + "cannot be undone.",
                        "Delete the study and " + runs + (runs == 1 ? " run" : " runs"),
                        this::delete));
        delete.setId("delete-study");
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        error.setId("study-manage-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout line = new HorizontalLayout(name, rename, delete);
        line.setAlignItems(Alignment.BASELINE);
        add(line, confirm, error);
    }

    private void rename(Consumer<String> onRenamed) {
        permissions.require(permissions.mayControl(study.study()), "rename this study");
        try {
            service.rename(study.study().id(), name.getValue());
            error.setText("");
            onRenamed.accept(name.getValue().strip());
        } catch (SpecValidationException e) {
            error.setText("Not renamed: " + e.getMessage());
        }
    }

    private void delete() {
        permissions.require(permissions.mayControl(study.study()), "delete this study");
        service.delete(study);
        UI.getCurrent().navigate(StudiesView.class);
    }
}
