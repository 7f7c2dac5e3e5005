package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.factlab.testing.SlowTest;
import org.factlab.ui.PushViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two FACT Lab instances on one real PostgreSQL database: worker A in this JVM, worker B in a child JVM, each with
 * one run thread and heartbeats every second. They share the queue (each run executed exactly once), each lists
 * the other's runs, A follows a run executed by B live through the database, a run is cancelled from the worker
 * that does not execute it, and when B is killed with SIGKILL mid-run, A marks B's run INTERRUPTED with every
 * recorded step kept — as a restarted B then reports too.
 */
@SlowTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoWorkersTest {

    private static final Pattern STARTED = Pattern.compile("run (\\w+) started on worker (\\w+)");

    @TempDir
    static Path dir;

    static PostgresCluster postgres;
    static ConfigurableApplicationContext a;
    static ChildServer b;
    static final ListAppender<ILoggingEvent> aLog = new ListAppender<>();

    static List<String> args(String worker) {
        List<String> args = new ArrayList<>(postgres.springArgs());
        args.addAll(List.of(
                "--factlab.workers.name=" + worker,
                "--factlab.data-dir=" + dir.resolve(worker),
                "--db-scheduler.threads=1",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.polling-interval=200ms",
                "--factlab.workers.follow-interval=200ms"));
        return args;
    }

    @BeforeAll
    static void startWorkerA() throws Exception {
        postgres = PostgresCluster.startOrSkip();
        List<String> aArgs = new ArrayList<>(args("A"));
        aArgs.add("--server.port=0");
        a = CrashChild.builder().run(aArgs.toArray(String[]::new));
        aLog.start();
        ((Logger) LoggerFactory.getLogger(RunExecutor.class)).addAppender(aLog);
    }

    static ChildServer startWorkerB(String logName) throws Exception {
        return ChildServer.start(dir.resolve(logName), List.of("-Xmx1g"), args("B"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    @Order(1)
    void workersShareTheQueueAndFollowEachOthersRunsLive() throws Exception {
        RunService aRuns = a.getBean(RunService.class);
        RunRepository repository = a.getBean(RunRepository.class);
        // A is the only worker: it takes a run that waits at step 2 until cancelled, and stays busy
        String waiting = aRuns.submit("test-scripted", null, Map.of("steps", 1000, "hangAt", 2), "waits on A")
                .id();
        ApiClient.await(
                "run on A",
                Duration.ofSeconds(30),
                () -> a.getBean(MetricRepository.class).count(waiting) == 4);

        b = startWorkerB("b.log");
        ApiClient bApi = new ApiClient(b.port());
        // launched through B and executed by B (A's only thread is busy); A follows it like a run page does:
        // subscribe to the live bus, then load the history
        List<RunEvent> seenOnA = new CopyOnWriteArrayList<>();
        String followed = bApi.launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":100,\"sleepMs\":50}}");
        AutoCloseable subscription = a.getBean(LiveBus.class).subscribe(followed, seenOnA::add);
        List<MetricPoint> history = a.getBean(MetricRepository.class).points(followed);
        PushViewer page = new PushViewer();
        page.open("http://localhost:" + a.getEnvironment().getProperty("local.server.port"), followed);
        bApi.awaitStatus(followed, "SUCCEEDED");
        ApiClient.await(
                "A sees the end of B's run",
                Duration.ofSeconds(10),
                () -> seenOnA.stream()
                        .anyMatch(e -> e instanceof RunEvent.Status s && s.status() == RunStatus.SUCCEEDED));
        subscription.close();

        assertEquals("B", repository.worker(followed).orElseThrow());
        Map<Long, Map<String, Double>> points = new HashMap<>();
        history.forEach(
                p -> points.computeIfAbsent(p.step(), k -> new HashMap<>()).put(p.series(), p.value()));
        List<RunEvent.Metrics> live = seenOnA.stream()
                .filter(e -> e instanceof RunEvent.Metrics)
                .map(e -> (RunEvent.Metrics) e)
                .toList();
        live.forEach(m -> points.computeIfAbsent(m.step(), k -> new HashMap<>()).putAll(m.values()));
        assertEquals(100, points.size(), "history plus live events hold every step");
        points.forEach((step, values) -> assertEquals(Map.of("x", (double) step, "y", (double) step * step), values));
        int statusAt = indexOfEnd(seenOnA);
        long liveBeforeEnd = seenOnA.subList(0, statusAt).stream()
                .filter(e -> e instanceof RunEvent.Metrics)
                .count();
        assertTrue(liveBeforeEnd >= 5, "A received B's points while the run ran, in " + liveBeforeEnd + " events");
        assertTrue(seenOnA.stream().filter(e -> e instanceof RunEvent.Progress).count() >= 2, "progress followed");
        assertTrue(
                seenOnA.stream()
                        .anyMatch(
                                e -> e instanceof RunEvent.Matrix m && m.name().equals("M")),
                "matrix snapshots followed");
        assertTrue(page.updates() >= 3, "A's run page pushed B's run " + page.updates() + " times");
        assertEquals(0, page.errors(), page.firstError());
        page.close();

        // both instances list every run
        assertTrue(bApi.json("/api/runs").findValuesAsText("id").containsAll(List.of(waiting, followed)));
        assertTrue(aRuns.list(null, null).stream().map(Run::id).toList().containsAll(List.of(waiting, followed)));

        // cancelled through B, stopped by A, which executes it
        assertEquals(200, bApi.post("/api/runs/" + waiting + "/cancel", "").statusCode());
        bApi.awaitStatus(waiting, "CANCELLED");
        assertEquals("A", repository.worker(waiting).orElseThrow());

        // eight short runs launched alternately through A and B: each executed exactly once, by one of them
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(
                    i % 2 == 0
                            ? aRuns.submit("test-scripted", null, Map.of("steps", 10, "sleepMs", 50), "q" + i)
                                    .id()
                            : bApi.launch("{\"kind\":\"test-scripted\",\"spec\":{\"steps\":10,\"sleepMs\":50}}"));
        }
        for (String id : ids) {
            bApi.awaitStatus(id, "SUCCEEDED");
        }
        Map<String, List<String>> executions = executions();
        Map<String, Integer> perWorker = new HashMap<>();
        for (String id : ids) {
            List<String> by = executions.getOrDefault(id, List.of());
            assertEquals(1, by.size(), "run " + id + " executed by " + by);
            assertEquals(by.get(0), repository.worker(id).orElseThrow());
            assertEquals(20, a.getBean(MetricRepository.class).count(id));
            perWorker.merge(by.get(0), 1, Integer::sum);
        }
        assertEquals(Set.of("A", "B"), perWorker.keySet(), "both workers took runs: " + perWorker);
    }

    @Test
    @Order(2)
    void aKilledWorkersRunIsInterruptedByTheSurvivorWithEveryRecordedStep() throws Exception {
        RunService aRuns = a.getBean(RunService.class);
        RunRepository repository = a.getBean(RunRepository.class);
        MetricRepository metrics = a.getBean(MetricRepository.class);
        // two runs that record 2 × hangAt points and wait: one on each worker
        String first = aRuns.submit("test-scripted", null, Map.of("steps", 1000, "hangAt", 5), "k1")
                .id();
        String second = aRuns.submit("test-scripted", null, Map.of("steps", 1000, "hangAt", 5), "k2")
                .id();
        ApiClient.await(
                "both running",
                Duration.ofSeconds(30),
                () -> metrics.count(first) == 10 && metrics.count(second) == 10);
        String onB = repository.worker(first).orElseThrow().equals("B") ? first : second;
        String onA = onB.equals(first) ? second : first;
        assertEquals("A", repository.worker(onA).orElseThrow());
        List<RunEvent> seenOnA = new CopyOnWriteArrayList<>();
        a.getBean(LiveBus.class).subscribe(onB, seenOnA::add);

        b.kill();
        long killed = System.nanoTime();
        ApiClient.await(
                "A interrupts B's run",
                Duration.ofSeconds(60),
                () -> repository.find(onB).orElseThrow().status() == RunStatus.INTERRUPTED);
        System.out.printf(
                "TwoWorkersTest: B killed with %d points recorded; A marked its run INTERRUPTED %.1f s later "
                        + "(heartbeat 1 s, 4 missed) with %d points%n",
                10, (System.nanoTime() - killed) / 1e9, metrics.count(onB));
        Run interrupted = repository.find(onB).orElseThrow();
        assertTrue(interrupted.error().contains("worker B stopped sending heartbeats"), interrupted.error());
        assertEquals(10, metrics.count(onB), "every point recorded before the kill is kept");
        assertEquals(5, a.getBean(MatrixRepository.class).list(onB).size());
        ApiClient.await(
                "A's views hear of it",
                Duration.ofSeconds(5),
                () -> seenOnA.stream()
                        .anyMatch(e -> e instanceof RunEvent.Status s && s.status() == RunStatus.INTERRUPTED));
        assertEquals(RunStatus.RUNNING, repository.find(onA).orElseThrow().status(), "A's own run goes on");

        // B restarts: it reports the same points, and leaves A's running run alone
        b = startWorkerB("b-restarted.log");
        ApiClient bApi = new ApiClient(b.port());
        assertEquals("INTERRUPTED", bApi.json("/api/runs/" + onB).get("status").asText());
        List<String> csv = bApi.get("/api/runs/" + onB + "/metrics.csv")
                .body()
                .lines()
                .skip(1)
                .toList();
        assertEquals(10, csv.size(), "points after the restart = points before the kill");
        assertEquals("RUNNING", bApi.json("/api/runs/" + onA).get("status").asText());
        assertEquals(200, bApi.post("/api/runs/" + onA + "/cancel", "").statusCode());
        JsonNode cancelled = bApi.awaitStatus(onA, "CANCELLED");
        assertEquals(10, metrics.count(cancelled.get("id").asText()));
    }

    /** Which worker started each run, from A's log and every B's output. */
    private static Map<String, List<String>> executions() throws Exception {
        Map<String, List<String>> byRun = new HashMap<>();
        Stream<String> lines = Stream.concat(
                aLog.list.stream().map(ILoggingEvent::getFormattedMessage),
                b.output().lines());
        lines.forEach(line -> {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                byRun.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
        });
        return byRun;
    }

    private static int indexOfEnd(List<RunEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.Status s && s.status().isTerminal()) {
                return i;
            }
        }
        throw new AssertionError("no terminal status among "
                + new TreeSet<>(events.stream().map(Object::toString).toList()));
    }
}
