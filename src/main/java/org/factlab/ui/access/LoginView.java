package org.factlab.ui.access;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.factlab.access.CurrentUser;
import org.factlab.ui.runs.RunsView;

/** {@code /login}: Vaadin's login form, posting to Spring Security. With login off it forwards to the runs. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · FACT Lab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final boolean loginEnabled;

    public LoginView(CurrentUser user) {
        this.loginEnabled = user.loginEnabled();
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!loginEnabled) {
            event.forwardTo(RunsView.class);
            return;
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
