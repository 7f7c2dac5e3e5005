package org.factlab.access;

import org.factlab.runs.Deleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Removes the share links of a deleted run or study, in the deleting transaction: they answer 404 from then on. */
@Component
class ShareCleanup {

    private final ShareRepository shares;

    ShareCleanup(ShareRepository shares) {
        this.shares = shares;
    }

    @EventListener
    void onDeleted(Deleted deleted) {
        shares.deleteAll(deleted.target() == Deleted.Target.RUN ? Share.RUN : Share.STUDY, deleted.id());
    }
}
