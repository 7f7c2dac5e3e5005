package org.factlab.access;

import org.factlab.runs.Run;
import org.factlab.studies.Study;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a run or study, for the REST API and the views alike. Seeing them needs a viewer; launching a
 * researcher; cancelling, sharing or changing the notes of a run or a study its owner (a researcher) or an admin;
 * revoking a link its creator or an admin. Runs and studies launched while login was off have no owner: only admins
 * control them once login is on. With login off everything is allowed.
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

    /** Cancel the study (all its runs not yet finished), or share it by a link. */
    public boolean mayControl(Study study) {
        return user.has(Role.ADMIN) || user.has(Role.RESEARCHER) && isMe(study.owner());
    }

    /**
     * Delete an uploaded model or dataset: its uploader (a researcher) or an admin; uploads made while login was off
     * have no owner and only admins delete them once login is on.
     */
    public boolean mayDeleteUpload(String owner) {
        return user.has(Role.ADMIN) || user.has(Role.RESEARCHER) && isMe(owner);
    }

    /** Change the run's notes: the same rule as {@link #mayControl(Run)}. */
    public boolean mayEditNotes(Run run) {
        return mayControl(run);
    }

    /** Change the study's notes: the same rule as {@link #mayControl(Study)}. */
    public boolean mayEditNotes(Study study) {
        return mayControl(study);
    }

    public boolean mayRevoke(Share share) {
        return user.has(Role.ADMIN) || user.has(Role.RESEARCHER) && isMe(share.createdBy());
    }

    /** Throws Spring Security's {@link AccessDeniedException} (HTTP 403) unless {@code allowed}. */
    public void require(boolean allowed, String action) {
        if (!allowed) {
            throw new AccessDeniedException(
                    user.name().map(n -> n + " may not ").orElse("You may not ") + action);
        }
    }

    /** Whether {@code account} is the signed-in account, names compared without regard to case as logins are. */
    private boolean isMe(String account) {
        return account != null && user.name().map(account::equalsIgnoreCase).orElse(false);
    }
}
