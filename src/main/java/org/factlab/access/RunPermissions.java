package org.factlab.access;

import java.util.Objects;
import org.factlab.runs.Run;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a run, for the REST API and the views alike. Seeing runs needs a viewer; launching a
 * researcher; cancelling or sharing a run its owner (a researcher) or an admin; revoking a link its creator or an
 * admin. Studies have no owner: any researcher or admin may cancel or share any study. With login off everything is
 * allowed.
 */
@Component
public class RunPermissions {

    private final CurrentUser user;

    public RunPermissions(CurrentUser user) {
        this.user = user;
    }

    public boolean mayLaunch() {
        return user.has(Role.RESEARCHER);
    }

    /** Cancel the run, or share it by a link. */
    public boolean mayControl(Run run) {
        return user.has(Role.ADMIN) || user.has(Role.RESEARCHER) && isMe(run.owner());
    }

    /** Share a study by a link: studies have no owner, so any researcher or admin may share any of them. */
    public boolean mayShareStudies() {
        return user.has(Role.RESEARCHER);
    }

    public boolean mayRevoke(Share share) {
        return user.has(Role.ADMIN) || user.has(Role.RESEARCHER) && isMe(share.createdBy());
    }

    /** Throws Spring Security's {@link AccessDeniedException} (HTTP 403) unless {@code allowed}. */
    public void require(boolean allowed, String action) {
        if (!allowed) {
            throw new AccessDeniedException(user.name().map(n -> n + " may not ").orElse("You may not ") + action);
        }
    }

    private boolean isMe(String account) {
        return account != null && Objects.equals(user.name().orElse(null), account);
    }
}
