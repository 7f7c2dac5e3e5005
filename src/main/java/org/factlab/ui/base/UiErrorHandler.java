package org.factlab.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the UI does with an exception no view handled: the person sees a short notification with a reference, the
 * server log gets the reference and the whole stack trace. Installed on every Vaadin session when it starts.
 */
@Component
public class UiErrorHandler extends DefaultErrorHandler implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(UiErrorHandler.class);
    /** How long the notification stays, in milliseconds. */
    static final int NOTIFICATION_MS = 8000;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    /** Does nothing for what Vaadin's own handler ignores too (a browser that went away mid-response). */
    @Override
    public void error(ErrorEvent event) {
        if (!shouldHandle(findRelevantThrowable(event.getThrowable()))) {
            return;
        }
        String reference =
                HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        LOG.error("Unhandled error in the UI (reference {})", reference, event.getThrowable());
        show(message(reference));
    }

    /** The text people see: no exception text (it may hold internals), a reference to find the log entry. */
    static String message(String reference) {
        return "Something went wrong and this action did not complete. Reload the page to go on; if it happens "
                + "again, tell the administrator the reference " + reference + ".";
    }

    /** Shows the short message as a notification on the current page (none outside a request of a page). */
    void show(String message) {
        if (UI.getCurrent() == null) {
            return;
        }
        Notification notification = new Notification(message, NOTIFICATION_MS, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
