package org.factlab.ui.base;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** One shared background clock for the views' coalesced live updates (≤ 4 pushes per second per view). */
@Component
public class UiTicker {

    static final long PERIOD_MS = 250;

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "ui-ticker");
        t.setDaemon(true);
        return t;
    });

    /** Calls {@code tick} every 250 ms until the returned future is cancelled. */
    public ScheduledFuture<?> every250ms(Runnable tick) {
        return executor.scheduleWithFixedDelay(tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once, off the UI thread. */
    public void once(Runnable task) {
        executor.execute(task);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
