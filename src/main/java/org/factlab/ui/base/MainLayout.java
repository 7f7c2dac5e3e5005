package org.factlab.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.factlab.access.CurrentUser;
import org.factlab.access.RunPermissions;
import org.factlab.ui.access.AccountView;
import org.factlab.ui.launch.LaunchView;
import org.factlab.ui.paper.PaperView;
import org.factlab.ui.runs.RunsView;
import org.factlab.ui.study.StudiesView;
import org.factlab.ui.system.SystemView;

@CssImport("./styles/factlab.css")
/** Top bar with the app name and navigation; with login on, the account, its role and a sign-out button. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser user, RunPermissions permissions, AuthenticationContext authentication) {
        H1 title = new H1("FACT Lab");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0 var(--lumo-space-m)");
        RouterLink runs = new RouterLink("Runs", RunsView.class);
        RouterLink paper = new RouterLink("The paper", PaperView.class);
        paper.setId("nav-paper");
        RouterLink launch = new RouterLink("Launch", LaunchView.class);
        RouterLink studies = new RouterLink("Studies", StudiesView.class);
        studies.setId("nav-studies");
        RouterLink system = new RouterLink("System", SystemView.class);
        system.setId("nav-system");
        runs.setId("nav-runs");
        launch.setId("nav-launch");
        launch.setVisible(permissions.mayLaunch());
        HorizontalLayout bar = new HorizontalLayout(title, paper, runs, launch, studies, system);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setSpacing(true);
        bar.setWidthFull();
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        user.name().ifPresent(name -> {
            RouterLink account =
                    new RouterLink(name + " · " + user.role().name().toLowerCase(Locale.ROOT), AccountView.class);
            account.setId("account");
            account.getStyle().set("margin-left", "auto");
            Button signOut = new Button("Sign out", e -> authentication.logout());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            bar.add(account, signOut);
        });
        addToNavbar(bar);
    }
}
