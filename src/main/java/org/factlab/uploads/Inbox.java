package org.factlab.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a followed training run has sent, on disk, so that a restart of the lab loses nothing that was acknowledged:
 * {@code <datasets-dir>/follow/<run id>/} holds {@code step-<N>.safetensors} (a checkpoint not analysed yet),
 * {@code done-<N>} (analysed; its checkpoint is deleted then), {@code scalars.tsv} (logged scalars, one
 * {@code step, name, value} line each) and {@code finished} (the client said it is done). A checkpoint is written to
 * a staging file, forced to the disk and moved into place in one step; a step is kept once (the first body wins).
 */
public final class Inbox {

    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d{1,18})\\.safetensors");
    private static final String SCALARS = "scalars.tsv";
    private static final String FINISHED = "finished";

    /** A body larger than allowed; nothing of it is kept. */
    public static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the checkpoint is larger than " + maxBytes + " bytes (factlab.models.max-bytes)");
        }
    }

    /** One logged value. */
    public record Scalar(long step, String name, double value) {}

    private final Path dir;

    public Inbox(Path dir) {
        this.dir = dir;
    }

    /** The inbox of run {@code runId} under the datasets directory. */
    public static Inbox of(Path datasetsDir, String runId) {
        return new Inbox(datasetsDir.resolve("follow").resolve(runId));
    }

    public Path directory() {
        return dir;
    }

    /** Copies {@code body} to a new staging file of this inbox (at most {@code maxBytes}, else {@link TooLarge}). */
    public Path stage(InputStream body, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Path staged = Files.createTempFile(dir, ".staging-", ".safetensors");
        try (OutputStream out = Files.newOutputStream(staged)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return staged;
    }

    /** Whether step {@code step} has been received (analysed or not). */
    public boolean has(long step) {
        return Files.exists(checkpoint(step)) || Files.exists(dir.resolve("done-" + step));
    }

    /**
     * Moves a staged checkpoint into place as step {@code step}; false (and the staged file deleted) when the step was
     * already received.
     */
    public boolean commit(Path staged, long step) throws IOException {
        if (has(step)) {
            Files.deleteIfExists(staged);
            return false;
        }
        try {
            Files.move(staged, checkpoint(step), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(staged);
            return false;
        }
        return true;
    }

    /** Appends logged values of one step (names without tabs or line ends, checked by the caller). */
    public synchronized void appendScalars(long step, Map<String, Double> values) throws IOException {
        Files.createDirectories(dir);
        StringBuilder lines = new StringBuilder();
        values.forEach((name, value) -> lines.append(step)
                .append('\t')
                .append(name)
                .append('\t')
                .append(value)
                .append('\n'));
        Files.writeString(
                dir.resolve(SCALARS),
                lines,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /** The logged values from line {@code from} on (0-based), complete lines only. */
    public List<Scalar> scalars(int from) throws IOException {
        Path file = dir.resolve(SCALARS);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Scalar> out = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
        for (int i = from; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length == 3) {
                out.add(new Scalar(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2])));
            }
        }
        return out;
    }

    /** Notes that the client sent everything. */
    public void finish() throws IOException {
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve(FINISHED))) {
            Files.createFile(dir.resolve(FINISHED));
        }
    }

    public boolean finished() {
        return Files.exists(dir.resolve(FINISHED));
    }

    /** The received steps not analysed yet, in step order. */
    public SortedSet<Long> pending() throws IOException {
        SortedSet<Long> steps = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return steps;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = CHECKPOINT.matcher(f.getFileName().toString());
                if (m.matches()) {
                    steps.add(Long.parseLong(m.group(1)));
                }
            });
        }
        return steps;
    }

    /** Where the checkpoint of {@code step} is kept until it is analysed. */
    public Path checkpoint(long step) {
        return dir.resolve("step-" + step + ".safetensors");
    }

    /** Marks {@code step} analysed and deletes its checkpoint. */
    public void analysed(long step) throws IOException {
        Path done = dir.resolve("done-" + step);
        if (!Files.exists(done)) {
            Files.createFile(done);
        }
        Files.deleteIfExists(checkpoint(step));
    }

    /** Deletes the inbox and what it holds (its run was deleted, or was executed in-process). */
    public void delete() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
