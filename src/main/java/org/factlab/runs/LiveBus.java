package org.factlab.runs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In-process publish/subscribe of run events. Listeners run on the publishing (run) thread and must only
 * hand the event over (e.g. to a view's coalescing buffer); they never block.
 */
@Component
public class LiveBus {

    private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

    private final ConcurrentHashMap<String, Set<Consumer<RunEvent>>> byRun = new ConcurrentHashMap<>();
    private final Set<Consumer<RunEvent>> all = new CopyOnWriteArraySet<>();

    /** Events of one run; close the returned handle to unsubscribe. */
    public AutoCloseable subscribe(String runId, Consumer<RunEvent> listener) {
        byRun.computeIfAbsent(runId, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> byRun.computeIfPresent(runId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Events of every run (the runs list). */
    public AutoCloseable subscribeAll(Consumer<RunEvent> listener) {
        all.add(listener);
        return () -> all.remove(listener);
    }

    /** True when someone follows this run (the cross-instance feed reads points back only for those). */
    public boolean hasSubscribers(String runId) {
        return byRun.containsKey(runId);
    }

    public void publish(RunEvent event) {
        deliver(all, event);
        Set<Consumer<RunEvent>> listeners = byRun.get(event.runId());
        if (listeners != null) {
            deliver(listeners, event);
        }
    }

    private static void deliver(Set<Consumer<RunEvent>> listeners, RunEvent event) {
        for (Consumer<RunEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("live listener failed on {}", event, e);
            }
        }
    }
}
