package org.factlab.ui.access;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Locale;
import org.factlab.access.ApiToken;
import org.factlab.access.ApiTokens;
import org.factlab.access.CurrentUser;
import org.factlab.ui.base.MainLayout;

/**
 * The signed-in account: its role and its personal API tokens (create one, see its secret once, revoke), the same
 * as {@code /api/tokens}. Scripts send a token as {@code Authorization: Bearer <token>}.
 */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · FACT Lab")
@PermitAll
public class AccountView extends VerticalLayout {

    private final ApiTokens tokens;
    private final String owner;
    private final Grid<ApiToken> grid = new Grid<>();

    public AccountView(ApiTokens tokens, CurrentUser user) {
        this.tokens = tokens;
        this.owner = user.name().orElse(null);
        setMaxWidth("1000px");
        add(new H2("Account"));
        if (owner == null) {
            add(new Paragraph("Login is off (factlab.auth.enabled=false): there are no accounts, and scripts call the "
                    + "API without a token."));
            return;
        }
        add(
                new Paragraph(owner + " · " + user.role().name().toLowerCase(Locale.ROOT)),
                new H3("API tokens"),
                new Paragraph("Scripts (e.g. clients/python/factlab_client.py, FACTLAB_TOKEN) send a token as "
                        + "Authorization: Bearer <token> and act with your role. The token is shown once."));
        TextField name = new TextField();
        name.setId("token-name");
        name.setPlaceholder("name, e.g. my GPU box");
        name.setMaxLength(100);
        TextField secret = new TextField("New token (copy it now: it is not shown again)");
        secret.setId("token-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setVisible(false);
        Button create = new Button("Create token", e -> {
            try {
                secret.setValue(tokens.create(owner, name.getValue()).secret());
                secret.setVisible(true);
                name.clear();
                refresh();
            } catch (IllegalArgumentException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("tokens");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiToken::name).setHeader("name").setFlexGrow(1);
        grid.addColumn(t -> text(t.created())).setHeader("created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsed() == null ? "never" : text(t.lastUsed()))
                .setHeader("last used")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new HorizontalLayout(name, create), secret, grid);
        refresh();
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button(token.revoked() == null ? "Revoke" : "revoked " + text(token.revoked()), e -> {
            tokens.revoke(owner, token.id());
            refresh();
        });
        revoke.setEnabled(token.revoked() == null);
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.list(owner));
    }

    private static String text(Instant at) {
        return at.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
    }
}
