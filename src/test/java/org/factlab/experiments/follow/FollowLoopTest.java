package org.factlab.experiments.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.RunInterruptedException;
import org.factlab.uploads.Inbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follow loop's order under a slow analysis: while step 1 is analysed, steps 2, 3 and 4 arrive; step 4 (the
 * newest) is analysed next with 2 skipped steps recorded, then 2 and 3 (the oldest first), and the run ends after
 * the client finished with every checkpoint analysed and its inbox emptied. Idle: INTERRUPTED.
 */
class FollowLoopTest {

    @TempDir
    Path dir;

    private static void put(Inbox inbox, long step) throws Exception {
        assertTrue(inbox.commit(inbox.stage(new ByteArrayInputStream(new byte[] {(byte) step}), 100), step));
    }

    @Test
    void theNewestCheckpointIsAnalysedFirstAndTheSkippedOnesLater() throws Exception {
        Inbox inbox = new Inbox(dir);
        put(inbox, 1);
        CountDownLatch analysing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> order = new CopyOnWriteArrayList<>();
        RecordingRunContext ctx = new RecordingRunContext();
        FollowLoop loop = new FollowLoop(
                inbox,
                (step, file) -> {
                    assertEquals(step, Files.readAllBytes(file)[0], "the checkpoint of its own step");
                    order.add(step);
                    if (step == 1) {
                        analysing.countDown();
                        assertTrue(release.await(60, TimeUnit.SECONDS));
                    }
                },
                ctx,
                Duration.ofHours(1),
                Duration.ofMillis(10));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = thread.submit(() -> {
                loop.run();
                return null;
            });
            assertTrue(analysing.await(60, TimeUnit.SECONDS));
            put(inbox, 2);
            put(inbox, 3);
            put(inbox, 4);
            inbox.appendScalars(3, Map.of("train/loss", 0.25));
            inbox.finish();
            assertEquals(
                    false,
                    inbox.commit(inbox.stage(new ByteArrayInputStream(new byte[] {9}), 100), 4),
                    "a step is kept once");
            release.countDown();
            running.get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertEquals(List.of(1L, 4L, 2L, 3L), order);
        assertEquals(Map.of(1L, 0.0, 4L, 2.0), ctx.series(FollowLoop.SKIPPED));
        assertEquals(0.25, ctx.series("log/train/loss").get(3L));
        assertTrue(
                ctx.notes().stream().anyMatch(n -> n.contains("step 4 analysed before steps 2, 3")),
                ctx.notes().toString());
        assertEquals(List.of(), List.copyOf(inbox.pending()));
        assertTrue(inbox.has(2) && inbox.has(4), "analysed steps stay known, so a resent one is not analysed twice");
    }

    @Test
    void nothingArrivingForTheIdleTimeoutInterruptsTheRun() throws Exception {
        Inbox inbox = new Inbox(dir);
        FollowLoop loop = new FollowLoop(
                inbox, (step, file) -> {}, new RecordingRunContext(), Duration.ofMillis(50), Duration.ofMillis(10));
        RunInterruptedException e = assertThrows(RunInterruptedException.class, loop::run);
        assertTrue(e.getMessage().contains("idleTimeout"), e.getMessage());
    }
}
