package org.factlab.ui.study;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.factlab.ui.base.Formats;
import org.factlab.ui.base.MainLayout;
import org.factlab.ui.launch.LaunchView;
import org.factlab.ui.launch.SweepEditor;

/** Every study, newest first, with its status and progress; "Launch a study" opens the launch page's sweep expanded. */
@PermitAll
@Route(value = "studies", layout = MainLayout.class)
@PageTitle("Studies · FACT Lab")
public class StudiesView extends VerticalLayout {

    public StudiesView(StudyService service) {
        setSizeFull();
        Grid<StudyRuns> grid = new Grid<>();
        grid.setId("studies-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(s -> new RouterLink(
                        s.study().name(), StudyView.class, s.study().id()))
                .setHeader("Name")
                .setFlexGrow(1);
        grid.addColumn(s -> s.study().kind())
                .setHeader("Kind")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(s -> s.status().name())
                .setHeader("Status")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(s -> s.done() + " / " + s.total()).setHeader("Runs done").setAutoWidth(true);
        grid.addColumn(s -> Formats.time(s.study().createdAt()))
                .setHeader("Created")
                .setComparator(Comparator.comparing(s -> s.study().createdAt()))
                .setAutoWidth(true);
        grid.setItems(service.list());
        grid.setSizeFull();
        Button launch = new Button(
                "Launch a study",
                e -> UI.getCurrent()
                        .navigate(LaunchView.class, QueryParameters.of(SweepEditor.OPEN_PARAMETER, "open")));
        launch.setId("launch-study");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Studies"), launch, grid);
    }
}
