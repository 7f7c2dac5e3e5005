package org.factlab.ui.charts;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.stream.Collectors;

/** A UI to attach components to in tests, and the element function calls it would send to the browser. */
final class JsCalls {

    private JsCalls() {}

    /** A UI in a session whose lock counts as held, as inside {@code ui.access}. */
    static UI ui() {
        VaadinSession session = mock(VaadinSession.class);
        when(session.hasLock()).thenReturn(true);
        when(session.getResourceRegistry()).thenReturn(new StreamResourceRegistry(session));
        UI ui = new UI();
        ui.getInternals().setSession(session);
        return ui;
    }

    /** The calls queued since the last time, as "function(argument, …)". */
    static List<String> sent(UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(pending -> pending.getInvocation())
                .map(call -> functionName(call.getExpression())
                        + call.getParameters().stream()
                                .skip(1)
                                .map(String::valueOf)
                                .collect(Collectors.joining(", ", "(", ")")))
                .toList();
    }

    private static String functionName(String expression) {
        int start = expression.indexOf("$0.") + 3;
        return expression.substring(start, expression.indexOf('(', start));
    }
}
