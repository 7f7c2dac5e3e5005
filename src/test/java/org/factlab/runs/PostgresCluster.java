package org.factlab.runs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} in a temporary folder, {@code pg_ctl start} on a
 * free local port (as the {@code postgres} user when the tests run as root, since PostgreSQL refuses root),
 * stopped and deleted when the JVM ends. The binaries come from {@code FACTLAB_PG_BIN}, else Debian's
 * {@code /usr/lib/postgresql/<version>/bin}, else the PATH. Without them the calling test is skipped — except
 * under CI ({@code CI=true}), where it fails: {@code .ci/run} installs Debian's {@code postgresql}.
 */
public final class PostgresCluster {

    public static final String USER = "factlab";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Initialises and starts a new cluster with one database {@code factlab}; skips the test without PostgreSQL. */
    public static PostgresCluster startOrSkip() throws Exception {
        Path bin = findBin();
        if (bin == null) {
            String message = "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's postgresql or set "
                    + "FACTLAB_PG_BIN";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: the PostgreSQL tests must run)");
            }
            Assumptions.abort(message);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("factlab-pg-");
        PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), root);
        if (root) {
            exec(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        cluster.run("initdb", "-D", cluster.data(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "postgres-cleanup"));
        cluster.start();
        try (Connection c = DriverManager.getConnection(cluster.url("postgres"), USER, "")) {
            c.createStatement().execute("CREATE DATABASE factlab");
        }
        return cluster;
    }

    /** JDBC URL of the {@code factlab} database. */
    public String url() {
        return url("factlab");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * For Spring tests: {@code @ExtendWith(PostgresCluster.ForTestClass.class)} starts a cluster before the test
     * class (or skips it), and {@link #register} in the class's {@code @DynamicPropertySource} method points the
     * datasource at it.
     */
    public static final class ForTestClass implements BeforeAllCallback {
        private static PostgresCluster current;

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            current = startOrSkip();
        }

        /** The cluster of the running test class. */
        public static PostgresCluster current() {
            return current;
        }
    }

    /** Points a Spring test's datasource at the cluster of {@link ForTestClass}. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ForTestClass.current().url());
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    /** Spring arguments that put a FACT Lab instance on this cluster's database. */
    public List<String> springArgs() {
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Starts (or restarts after {@link #stopImmediately()}) the server on the same port and files. */
    public void start() throws Exception {
        run(
                "pg_ctl",
                "-D",
                data(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start");
    }

    /**
     * Stops the server the hard way (mode immediate: every client is cut off at once, no checkpoint; the next
     * start recovers from the write-ahead log) — a database that goes away under a running server.
     */
    public void stopImmediately() throws Exception {
        run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    private void destroy() {
        try {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (Exception ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        exec(command);
    }

    private static void exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static Path findBin() throws IOException {
        String configured = System.getenv("FACTLAB_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb")) && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Path.of(p);
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
