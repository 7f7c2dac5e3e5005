package org.factlab.experiments.follow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.RunInterruptedException;
import org.factlab.uploads.Inbox;

/**
 * Follows an {@link Inbox} until the client finishes: records logged scalars as {@code log/<name>} series, and
 * analyses checkpoints newest first. When several arrived while one was analysed, the newest is analysed next (the
 * run page shows the present) and the older ones are recorded as skipped ({@code follow/skipped} at the newest step,
 * and a note); they stay on disk and are analysed oldest first whenever no newer checkpoint waits, so a finished run
 * has every checkpoint analysed. Nothing is queued in memory: the inbox on disk is the queue, bounded by what the
 * client sent. With nothing to do it polls every {@code poll}; after {@code idle} without a new checkpoint or scalar
 * it ends INTERRUPTED ({@link RunInterruptedException}).
 */
final class FollowLoop {

    /** The prefix of logged scalars' series. */
    static final String LOGGED = "log/";
    /** How many older checkpoints were skipped when the one at this step was analysed. */
    static final String SKIPPED = "follow/skipped";

    /** Analyses the checkpoint of one step. */
    interface Analyser {
        void analyse(long step, Path checkpoint) throws Exception;
    }

    private final Inbox inbox;
    private final Analyser analyser;
    private final RunContext ctx;
    private final Duration idle;
    private final Duration poll;

    FollowLoop(Inbox inbox, Analyser analyser, RunContext ctx, Duration idle, Duration poll) {
        this.inbox = inbox;
        this.analyser = analyser;
        this.ctx = ctx;
        this.idle = idle;
        this.poll = poll;
    }

    /** Returns when the client finished and everything is analysed, or when the run is cancelled. */
    void run() throws Exception {
        long newest = Long.MIN_VALUE;
        SortedSet<Long> seen = new TreeSet<>();
        int scalarLines = 0;
        int analysed = 0;
        long lastNews = System.nanoTime();
        while (!ctx.cancelled()) {
            boolean finished = inbox.finished();
            int lines = recordScalars(scalarLines);
            SortedSet<Long> pending = inbox.pending();
            if (lines > scalarLines || !seen.containsAll(pending)) {
                lastNews = System.nanoTime();
            }
            scalarLines = lines;
            if (pending.isEmpty()) {
                if (finished) {
                    return;
                }
                if (System.nanoTime() - lastNews > idle.toNanos()) {
                    throw new RunInterruptedException("nothing arrived for " + idle.toSeconds() + " s (idleTimeout): "
                            + "the run stops with its steps kept; a checkpoint sent later resumes it");
                }
                Thread.sleep(poll.toMillis());
                continue;
            }
            long step;
            if (pending.last() > newest) {
                step = pending.last();
                List<Long> skipped = new ArrayList<>(pending.headSet(step));
                skipped.removeAll(seen);
                if (!skipped.isEmpty()) {
                    ctx.note("step " + step + " analysed before steps "
                            + skipped.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ", which arrived while the lab was busy; they are "
                            + "analysed when it has caught up");
                }
                ctx.metric(SKIPPED, step, skipped.size());
                newest = step;
            } else {
                step = pending.first();
            }
            seen.addAll(pending);
            if (ctx.cancelled()) {
                return;
            }
            analyser.analyse(step, inbox.checkpoint(step));
            if (ctx.cancelled()) {
                return;
            }
            inbox.analysed(step);
            analysed++;
            ctx.progress(analysed, analysed + pending.size() - 1L);
        }
    }

    /**
     * Records the scalars logged from line {@code from} on; returns the number of lines read in all ({@code from} when
     * the run was cancelled meanwhile: it is ending).
     */
    private int recordScalars(int from) throws Exception {
        List<Inbox.Scalar> scalars = inbox.scalars(from);
        Map<Long, Map<String, Double>> byStep = new LinkedHashMap<>();
        for (Inbox.Scalar s : scalars) {
            byStep.computeIfAbsent(s.step(), k -> new LinkedHashMap<>()).put(LOGGED + s.name(), s.value());
        }
        for (Map.Entry<Long, Map<String, Double>> step : byStep.entrySet()) {
            if (ctx.cancelled()) {
                return from;
            }
            ctx.metrics(step.getKey(), step.getValue());
        }
        return from + scalars.size();
    }
}
