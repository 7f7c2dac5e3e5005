package org.factlab.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.factlab.runs.LiveBus;
import org.factlab.runs.RunEvent;
import org.springframework.stereotype.Service;

/**
 * How a view follows runs live, in one place: it subscribes to the {@link LiveBus}, queues the events, and on the
 * shared 250 ms clock ({@link UiTicker}) hands the events that arrived to the view's reader <em>outside</em> the UI
 * lock (database reads belong there), then applies the update the reader returns in one {@code ui.access}: at most
 * four pushes a second, none while nothing happened. Use it from {@code onAttach}:
 *
 * <pre>{@code
 * live.follow(ui, this, List.of(runId), events -> {
 *     Run fresh = reads.run(runId).orElseThrow();   // off the UI thread
 *     return () -> header.show(fresh);              // in ui.access
 * });
 * }</pre>
 *
 * The follow ends by itself when {@code view} detaches (or when its {@link Handle} is closed).
 */
@Service
public class LiveFollow {

    private final LiveBus bus;
    private final UiTicker ticker;

    public LiveFollow(LiveBus bus, UiTicker ticker) {
        this.bus = bus;
        this.ticker = ticker;
    }

    /** A running follow: more runs may join it; closing it unsubscribes and stops its clock. */
    public interface Handle extends AutoCloseable {

        /** Adds the events of another run (e.g. a run overlaid on the page). */
        void addRun(String runId);

        @Override
        void close();
    }

    /**
     * Follows {@code runIds} (every run when null) for {@code view} shown in {@code ui}.
     *
     * @param reader given the events of the last tick (never empty), off the UI thread; returns what to do in
     *               {@code ui.access}, or null for nothing
     */
    public Handle follow(UI ui, Component view, Collection<String> runIds, Function<List<RunEvent>, Runnable> reader) {
        Follow follow = new Follow();
        if (runIds == null) {
            follow.subscriptions.add(bus.subscribeAll(follow.queue::add));
        } else {
            runIds.forEach(follow::addRun);
        }
        follow.tick = ticker.every250ms(() -> follow.flush(ui, reader));
        follow.detach = view.addDetachListener(e -> follow.close());
        return follow;
    }

    /** Runs {@code read} once off the UI thread, then what it returns in {@code ui.access} (e.g. loading a step). */
    public void once(UI ui, Supplier<Runnable> read) {
        ticker.once(() -> {
            Runnable update = read.get();
            if (update != null) {
                ui.access(update::run);
            }
        });
    }

    private final class Follow implements Handle {
        final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
        final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();
        volatile ScheduledFuture<?> tick;
        volatile Registration detach;
        volatile boolean closed;

        @Override
        public void addRun(String runId) {
            if (!closed) {
                subscriptions.add(bus.subscribe(runId, queue::add));
            }
        }

        void flush(UI ui, Function<List<RunEvent>, Runnable> reader) {
            if (queue.isEmpty() || closed) {
                return;
            }
            List<RunEvent> events = new ArrayList<>();
            for (RunEvent e; (e = queue.poll()) != null; ) {
                events.add(e);
            }
            Runnable update = reader.apply(events);
            if (update != null && !closed) {
                ui.access(update::run);
            }
        }

        @Override
        public void close() {
            closed = true;
            if (tick != null) {
                tick.cancel(false);
            }
            subscriptions.forEach(s -> {
                try {
                    s.close();
                } catch (Exception ignored) {
                    // closing a subscription cannot fail
                }
            });
            subscriptions.clear();
            if (detach != null) {
                detach.remove();
            }
        }
    }
}
