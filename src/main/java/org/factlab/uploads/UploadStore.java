package org.factlab.uploads;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded files in a folder of their own: each upload is {@code <root>/<id>/} holding the file (named
 * {@code file<ending>}) and {@code meta.json}. Ids are 16 random lower-case letters and digits made here, and every
 * id from outside is checked against that form, so no path is ever built from a user's text. An upload is written
 * to a staging folder {@code <root>/.staging-<id>/} and moved into place only once it has been read successfully;
 * a refused, oversized or broken upload leaves nothing behind, whatever ended it (an {@code OutOfMemoryError}
 * included). Staging folders left by a server that died meanwhile are removed at start-up
 * ({@link UploadLibrary#sweepStaging}) and before every upload, once nothing has been written to them for
 * {@link #STALE_STAGING} (a staging folder of an upload in progress on another instance sharing the folder stays).
 */
final class UploadStore {

    static final Pattern ID = Pattern.compile("[a-z0-9]{16}");
    private static final String META = "meta.json";
    private static final String STAGING = ".staging-";
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A staging folder untouched this long belongs to an upload that will never finish. */
    static final Duration STALE_STAGING = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);

    private final Path root;

    UploadStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A file copied into its staging folder, not yet visible. */
    record Staged(String id, Path dir, Path file, long bytes) {}

    /**
     * Copies {@code content} into a new staging folder as {@code file<ending>}, refusing (and deleting) it as soon as
     * it grows past {@code maxBytes}.
     */
    Staged stage(InputStream content, String ending, long maxBytes) throws IOException, UploadException.TooLarge {
        sweepStaging();
        String id = newId();
        Path dir = root.resolve(STAGING + id);
        Files.createDirectories(dir);
        Path file = dir.resolve("file" + ending);
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new UploadException.TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (Throwable e) {
            deleteTree(dir);
            throw e;
        }
        return new Staged(id, dir, file, total);
    }

    /** Writes the metadata and moves the staged folder into place under its id. */
    void commit(Staged staged, Object meta) throws IOException {
        try {
            JSON.writeValue(staged.dir().resolve(META).toFile(), meta);
            Files.move(staged.dir(), root.resolve(staged.id()), StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable e) {
            discard(staged);
            throw e;
        }
    }

    void discard(Staged staged) throws IOException {
        deleteTree(staged.dir());
    }

    /** Removes the staging folders nothing was written to for {@link #STALE_STAGING}; failures are only logged. */
    void sweepStaging() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant stale = Instant.now().minus(STALE_STAGING);
        try (DirectoryStream<Path> stream =
                Files.newDirectoryStream(root, p -> p.getFileName().toString().startsWith(STAGING))) {
            for (Path dir : stream) {
                if (lastWrite(dir).isBefore(stale)) {
                    deleteTree(dir);
                    log.info("removed the staging folder {} of an upload that did not finish", dir.getFileName());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not remove stale staging folders under {}: {}", root, e.toString());
        }
    }

    /** The latest modification of a folder or anything in it. */
    private static Instant lastWrite(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant();
                        } catch (IOException e) {
                            return Instant.MIN;
                        }
                    })
                    .max(Comparator.naturalOrder())
                    .orElse(Instant.MIN);
        }
    }

    /** Every stored upload's metadata, newest folder first. */
    <M> List<M> list(Class<M> type) throws IOException {
        List<M> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(
                root, p -> ID.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p.resolve(META)))) {
            stream.forEach(dirs::add);
        }
        dirs.sort(Comparator.comparing((Path p) -> p.resolve(META).toFile().lastModified())
                .reversed());
        for (Path dir : dirs) {
            out.add(JSON.readValue(dir.resolve(META).toFile(), type));
        }
        return out;
    }

    /** The metadata of upload {@code id}, empty for an unknown or malformed id. */
    <M> Optional<M> find(String id, Class<M> type) throws IOException {
        Optional<Path> dir = folder(id);
        return dir.isEmpty()
                ? Optional.empty()
                : Optional.of(JSON.readValue(dir.get().resolve(META).toFile(), type));
    }

    /** The stored file of upload {@code id}. */
    Optional<Path> file(String id) throws IOException {
        Optional<Path> dir = folder(id);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.filter(p -> p.getFileName().toString().startsWith("file"))
                    .findFirst();
        }
    }

    /** Removes upload {@code id}; false when there is none. */
    boolean delete(String id) throws IOException {
        Optional<Path> dir = folder(id);
        if (dir.isEmpty()) {
            return false;
        }
        deleteTree(dir.get());
        return true;
    }

    private Optional<Path> folder(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path dir = root.resolve(id);
        return Files.isRegularFile(dir.resolve(META)) ? Optional.of(dir) : Optional.empty();
    }

    private static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
