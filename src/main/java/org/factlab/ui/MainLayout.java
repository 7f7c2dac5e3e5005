package org.factlab.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;

@CssImport("./styles/factlab.css")
/** Top bar with the app name and navigation. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("FACT Lab");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0 var(--lumo-space-m)");
        RouterLink runs = new RouterLink("Runs", RunsView.class);
        RouterLink launch = new RouterLink("Launch", LaunchView.class);
        RouterLink studies = new RouterLink("Studies", StudiesView.class);
        studies.setId("nav-studies");
        RouterLink system = new RouterLink("System", SystemView.class);
        system.setId("nav-system");
        runs.setId("nav-runs");
        launch.setId("nav-launch");
        HorizontalLayout bar = new HorizontalLayout(title, runs, launch, studies, system);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setSpacing(true);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
    }
}
