package org.factlab.data.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folders a run may read tables from: the datasets directory ({@code factlab.datasets-dir}) and the extra roots
 * the administrator configured ({@code factlab.extra-datasets-dirs}), never a path from a run's spec. A spec's
 * {@code folder} is a relative name looked up under each root in turn; it is confined to its root after every
 * symbolic link is followed (real-path prefix check). Absolute names, {@code ..} and links that lead out are
 * refused with one message, whether or not the target exists.
 */
public final class DatasetRoots {

    private final List<Path> roots;

    /** @param roots the datasets directory first, then the extra roots; each must exist to be searched */
    public DatasetRoots(List<Path> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no datasets directory configured");
        }
        this.roots = List.copyOf(roots);
    }

    /** Refusal of a folder name: the same message whatever lies (or does not lie) at that path. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String folder) {
            super("'" + printable(folder) + "' is not allowed; allowed: the name of a folder inside the datasets "
                    + "directory (e.g. uci), without '..', not an absolute path, not a link leading out of it");
        }
    }

    /**
     * The real path of {@code folder} under the first root that has it (or, when none has it, the path it would
     * have under the datasets directory, which then does not exist).
     *
     * @throws Refused when the name is absolute, contains {@code ..} or leads out of its root through a link
     */
    public Path resolve(String folder) {
        Path relative = relative(folder);
        for (Path root : roots) {
            Optional<Path> found = inside(root, relative, folder);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return roots.get(0).resolve(relative);
    }

    /** Whether {@code file} (a listed entry of a resolved folder) really lies inside one of the roots. */
    public boolean contains(Path file) {
        try {
            Path real = file.toRealPath();
            for (Path root : roots) {
                if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code path} relative to the root that holds it, for messages that must not show absolute server paths. */
    public String displayName(Path path) {
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            Path p = path.toAbsolutePath().normalize();
            if (p.startsWith(abs)) {
                return abs.relativize(p).toString();
            }
            try {
                Path real = root.toRealPath();
                if (p.startsWith(real)) {
                    return real.relativize(p).toString();
                }
            } catch (IOException e) {
                // a root that does not exist holds nothing
            }
        }
        return path.getFileName() == null ? "" : path.getFileName().toString();
    }

    private static Path relative(String folder) {
        if (folder == null
                || folder.isBlank()
                || folder.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || folder.startsWith("/")
                || folder.startsWith("\\")
                || folder.contains(":")) {
            throw new Refused(folder == null ? "" : folder);
        }
        Path p;
        try {
            p = Path.of(folder);
        } catch (InvalidPathException e) {
            throw new Refused(folder);
        }
        if (p.isAbsolute()) {
            throw new Refused(folder);
        }
        for (Path name : p) {
            if (name.toString().equals("..")) {
                throw new Refused(folder);
            }
        }
        return p.normalize();
    }

    /**
     * The real path of {@code relative} when something is at that name under {@code root} (a dangling link counts):
     * refused when it leads out of the root.
     */
    private static Optional<Path> inside(Path root, Path relative, String folder) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        Path candidate = root.resolve(relative);
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !anyLink(root, relative)) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new Refused(folder);
            }
            return Optional.of(real);
        } catch (IOException e) {
            throw new Refused(folder);
        }
    }

    /** Whether some prefix of {@code relative} under {@code root} is a symbolic link. */
    private static boolean anyLink(Path root, Path relative) {
        Path p = root;
        for (Path name : relative) {
            p = p.resolve(name);
            if (Files.isSymbolicLink(p)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
