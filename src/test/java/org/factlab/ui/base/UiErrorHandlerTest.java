package org.factlab.ui.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SessionInitEvent;
import com.vaadin.flow.server.SessionInitListener;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.slf4j.LoggerFactory;

/** The UI-wide error handler: a short message for the person, the whole exception in the log, one reference. */
class UiErrorHandlerTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UiErrorHandler.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    /** A handler that records what it would show instead of opening a notification. */
    private static UiErrorHandler recording(List<String> shown) {
        return new UiErrorHandler() {
            @Override
            void show(String message) {
                shown.add(message);
            }
        };
    }

    @Test
    void showsAShortMessageAndLogsTheRestUnderOneReference() {
        List<String> shown = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("row 42 of table secret_internal is locked");
        recording(shown).error(new ErrorEvent(failure));

        assertEquals(1, shown.size());
        String message = shown.get(0);
        assertFalse(message.contains("secret_internal"), "no exception text on the page: " + message);
        assertFalse(message.contains("IllegalStateException"), message);
        assertTrue(message.length() < 200, message);

        assertEquals(1, log.list.size());
        ILoggingEvent entry = log.list.get(0);
        assertEquals("ERROR", entry.getLevel().toString());
        assertSame(failure, ((ThrowableProxy) entry.getThrowableProxy()).getThrowable(), "the stack trace is logged");
        String reference = entry.getArgumentArray()[0].toString();
        assertEquals(8, reference.length());
        assertTrue(message.contains(reference), "the page names the log entry: " + message);
    }

    @Test
    void everySessionGetsTheHandlerWhenItStarts() throws Exception {
        UiErrorHandler handler = recording(new ArrayList<>());
        VaadinService service = Mockito.mock(VaadinService.class);
        handler.serviceInit(new ServiceInitEvent(service));
        ArgumentCaptor<SessionInitListener> listener = ArgumentCaptor.forClass(SessionInitListener.class);
        Mockito.verify(service).addSessionInitListener(listener.capture());
        VaadinSession session = Mockito.mock(VaadinSession.class);
        listener.getValue().sessionInit(new SessionInitEvent(service, session, null));
        Mockito.verify(session).setErrorHandler(handler);
    }

    @Test
    void aBrowserThatWentAwayIsNoError() {
        List<String> shown = new ArrayList<>();
        recording(shown).error(new ErrorEvent(new org.apache.catalina.connector.ClientAbortException("gone")));
        assertEquals(List.of(), shown);
        assertEquals(0, log.list.size());
    }

    @Test
    void everyErrorGetsItsOwnReference() {
        List<String> shown = new ArrayList<>();
        UiErrorHandler handler = recording(shown);
        handler.error(new ErrorEvent(new RuntimeException("a")));
        handler.error(new ErrorEvent(new RuntimeException("b")));
        assertFalse(shown.get(0).equals(shown.get(1)));
    }
}
