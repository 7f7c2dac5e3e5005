package org.factlab.ui;

import java.util.concurrent.ScheduledFuture;

/** A view's live bus subscription and its 250 ms tick, ended together when the view detaches. */
record LiveTicket(AutoCloseable subscription, ScheduledFuture<?> tick) {

    void close() {
        tick.cancel(false);
        try {
            subscription.close();
        } catch (Exception ignored) {
            // closing a subscription cannot fail
        }
    }
}
