package org.factlab.web;

import java.io.IOException;
import java.nio.file.Path;
import org.factlab.runs.Deleted;
import org.factlab.runs.FactlabProperties;
import org.factlab.uploads.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A deleted run's follow inbox ({@code <datasets-dir>/follow/<id>/}) goes once the deletion is committed. */
@Component
class FollowInboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(FollowInboxCleanup.class);

    private final Path datasetsDir;

    FollowInboxCleanup(FactlabProperties props) {
        this.datasetsDir = props.datasetRoots().get(0);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDeleted(Deleted deleted) {
        if (deleted.target() != Deleted.Target.RUN) {
            return;
        }
        try {
            Inbox.of(datasetsDir, deleted.id()).delete();
        } catch (IOException e) {
            log.warn("could not delete the follow inbox of deleted run {}: {}", deleted.id(), e.getMessage());
        }
    }
}
