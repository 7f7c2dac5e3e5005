package org.factlab.ui.share;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Supplier;
import org.factlab.access.RunPermissions;
import org.factlab.access.Share;
import org.factlab.access.ShareService;
import org.factlab.runs.Run;
import org.factlab.studies.StudyRuns;

/**
 * The read-only links of a run (for its owner and admins) or of a study (for researchers and admins): make a new
 * one, open or revoke the active ones.
 */
public final class SharePanel extends VerticalLayout {

    private final ShareService shares;
    private final RunPermissions permissions;
    private final String targetType;
    private final String targetId;
    private final VerticalLayout links = new VerticalLayout();

    private SharePanel(
            ShareService shares,
            RunPermissions permissions,
            String targetType,
            String targetId,
            boolean mayShare,
            Supplier<Share> create) {
        this.shares = shares;
        this.permissions = permissions;
        this.targetType = targetType;
        this.targetId = targetId;
        setPadding(false);
        setSpacing(false);
        links.setId("share-links");
        links.setPadding(false);
        links.setSpacing(false);
        Button share = new Button("Share a read-only link", e -> {
            permissions.require(mayShare, "share this " + targetType);
            create.get();
            refresh();
        });
        share.setId("share-" + targetType);
        share.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(share, links);
        refresh();
    }

    public static SharePanel of(ShareService shares, RunPermissions permissions, Run run) {
        return new SharePanel(
                shares, permissions, Share.RUN, run.id(), permissions.mayControl(run), () -> shares.shareRun(run));
    }

    public static SharePanel of(ShareService shares, RunPermissions permissions, StudyRuns study) {
        return new SharePanel(
                shares,
                permissions,
                Share.STUDY,
                study.study().id(),
                permissions.mayControl(study.study()),
                () -> shares.shareStudy(study));
    }

    private void refresh() {
        links.removeAll();
        for (Share share : shares.activeShares(targetType, targetId)) {
            Anchor link = new Anchor(share.url(), share.url());
            link.setTarget("_blank");
            link.addClassName("share-url");
            // the full address as the browser resolves it (the server may sit behind a proxy that renames it)
            link.getElement().executeJs("this.textContent = this.href");
            Button copy = new Button("Copy");
            copy.addClassName("copy-share-url");
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            copy.getElement().executeJs("""
                    this.addEventListener('click', () => {
                      const done = () => { this.textContent = 'Copied'; };
                      if (navigator.clipboard && window.isSecureContext) {
                        navigator.clipboard.writeText($0.href).then(done);
                      } else {
                        const area = document.createElement('textarea');
                        area.value = $0.href;
                        document.body.appendChild(area);
                        area.select();
                        document.execCommand('copy');
                        area.remove();
                        done();
                      }
                    });""", link.getElement());
            Button revoke = new Button("Revoke", e -> {
                permissions.require(permissions.mayRevoke(share), "revoke this link");
                shares.revoke(share);
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(permissions.mayRevoke(share));
            HorizontalLayout row = new HorizontalLayout(link, copy, revoke);
            row.setAlignItems(Alignment.BASELINE);
            links.add(row);
        }
    }
}
