package org.factlab.ui.share;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.factlab.access.RunPermissions;
import org.factlab.access.ShareService;
import org.factlab.runs.Run;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.run.RunPageReads;
import org.factlab.ui.run.RunView;

/**
 * A run opened by its share link {@code /s/{token}}: the run page of {@link RunView}, read-only, without the app's
 * navigation and without an account even when login is on; its downloads go through {@code /s/{token}/…}. A study's
 * token is rerouted to {@link SharedStudyView} under the same URL. An unknown or revoked token shows
 * {@link ShareNotFoundView} (HTTP 404), the same for both.
 */
@Route("s")
@AnonymousAllowed
public class SharedRunView extends RunView {

    private final ShareService shares;

    public SharedRunView(RunPageReads reads, LiveFollow live, RunPermissions permissions, ShareService shares) {
        super(reads, live, permissions, shares);
        this.shares = shares;
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        Optional<Run> run = shares.sharedRun(token);
        if (run.isEmpty() && shares.sharedStudy(token).isPresent()) {
            event.rerouteTo(SharedStudyView.class, token);
            return;
        }
        if (run.isEmpty()) {
            event.rerouteToError(ShareNotFoundView.NotShared.class, "");
            return;
        }
        open(run.get(), "/s/" + token, true);
        reloadIfAttached();
        addComponentAsFirst(banner("run"));
    }

    /** The line atop a shared page saying what it shows: {@code what} is "run" or "study". */
    static Span banner(String what) {
        Span banner = new Span("FACT Lab · a " + what + " shared with you (read-only)");
        banner.setId("shared-banner");
        banner.addClassName("run-meta");
        return banner;
    }
}
