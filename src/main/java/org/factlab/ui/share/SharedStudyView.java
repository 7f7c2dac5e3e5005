package org.factlab.ui.share;

import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.factlab.access.RunPermissions;
import org.factlab.access.ShareService;
import org.factlab.runs.KindRegistry;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.study.StudyView;

/**
 * A study opened by its share link {@code /s/{token}}: {@link SharedRunView} reroutes a study's token here, keeping
 * the URL. The page of {@link StudyView}, read-only, without the app's navigation and without an account even when
 * login is on; its table download goes through {@code /s/{token}/table.csv}. An unknown or revoked token shows
 * {@link ShareNotFoundView} (HTTP 404), as for runs.
 */
@Route("s/study")
@AnonymousAllowed
public class SharedStudyView extends StudyView {

    private final ShareService shares;

    public SharedStudyView(
            StudyService service,
            LiveFollow live,
            RunPermissions permissions,
            ShareService shares,
            KindRegistry kinds) {
        super(service, live, permissions, shares, kinds);
        this.shares = shares;
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        Optional<StudyRuns> study = shares.sharedStudy(token);
        if (study.isEmpty()) {
            event.rerouteToError(ShareNotFoundView.NotShared.class, "");
            return;
        }
        open(study.get(), "/s/" + token, true);
        addComponentAsFirst(SharedRunView.banner("study"));
    }
}
