package org.factlab.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.factlab.access.RunPermissions;
import org.factlab.access.Share;
import org.factlab.access.ShareService;
import org.factlab.runs.Run;

/** The run's read-only links for its owner and admins: make a new one, open or revoke the active ones. */
final class SharePanel extends VerticalLayout {

    private final ShareService shares;
    private final RunPermissions permissions;
    private final Run run;
    private final VerticalLayout links = new VerticalLayout();

    SharePanel(ShareService shares, RunPermissions permissions, Run run) {
        this.shares = shares;
        this.permissions = permissions;
        this.run = run;
        setPadding(false);
        setSpacing(false);
        links.setId("share-links");
        links.setPadding(false);
        links.setSpacing(false);
        Button create = new Button("Share a read-only link", e -> {
            permissions.require(permissions.mayControl(run), "share this run");
            shares.shareRun(run);
            refresh();
        });
        create.setId("share-run");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(create, links);
        refresh();
    }

    private void refresh() {
        links.removeAll();
        for (Share share : shares.activeShares(run)) {
            Anchor link = new Anchor(share.url(), share.url());
            link.setTarget("_blank");
            Button revoke = new Button("Revoke", e -> {
                permissions.require(permissions.mayRevoke(share), "revoke this link");
                shares.revoke(share);
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(permissions.mayRevoke(share));
            HorizontalLayout row = new HorizontalLayout(link, revoke);
            row.setAlignItems(Alignment.BASELINE);
            links.add(row);
        }
    }
}
