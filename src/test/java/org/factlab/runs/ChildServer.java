package org.factlab.runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A FACT Lab server in a child JVM ({@link WorkerChild}), its output in a file, killed with SIGKILL at will. */
public final class ChildServer implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("^PORT (\\d+)$", Pattern.MULTILINE);

    private final Process process;
    private final Path log;
    private final int port;

    private ChildServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a server with these JVM options and Spring arguments and waits until it serves HTTP. */
    public static ChildServer start(Path log, List<String> jvmOptions, List<String> springArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), WorkerChild.class.getName(), "--server.port=0"));
        command.addAll(springArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new ChildServer(process, log, Integer.parseInt(m.group(1)));
            }
            if (!process.isAlive()) {
                throw new AssertionError("child server exited:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("child server did not start in 180 s:\n" + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the server printed so far. */
    public String output() throws Exception {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL: no shutdown hook, no last write. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child server " + process.pid() + " survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
