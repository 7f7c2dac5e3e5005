package org.factlab.data.tabular;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder of classification tables (e.g. {@code data/uci/}). Every file ending in {@code .csv}, {@code .data},
 * {@code .txt}, {@code .dat}, {@code .arff}, {@code .libsvm} or {@code .svm} (each optionally {@code .gz}) is one
 * dataset named by the file name without those endings; every sub-folder is one dataset made of its files
 * (e.g. a training and a test part) concatenated in name order. Format: ARFF for {@code .arff}, LIBSVM for
 * {@code .libsvm}/{@code .svm} or when the first line is {@code label index:value …}, delimited text otherwise.
 * <p>
 * Optional per-dataset settings in {@code datasets.properties} in the folder: {@code <name>.label} = {@code last}
 * (default), {@code first} or a 1-based column number; {@code <name>.header} = {@code auto} (default), {@code yes}
 * or {@code no} (delimited text only).
 */
public final class TableFolder {

    public static final String OPTIONS_FILE = "datasets.properties";
    private static final List<String> FORMATS = List.of(".csv", ".data", ".txt", ".dat", ".arff", ".libsvm", ".svm");
    /** More distinct labels than this: the label column is not a class (a wrong {@code .label} setting?). */
    static final int MAX_CLASSES = 10_000;
    /** Bytes a kept row's token costs while read and encoded, beyond its characters (objects, references, doubles). */
    private static final long BYTES_PER_TOKEN = 96;

    private final DatasetRoots roots;
    private final Path folder;
    private final Map<String, Path> datasets;
    private final Properties options = new Properties();

    private TableFolder(DatasetRoots roots, Path folder, Map<String, Path> datasets) {
        this.roots = roots;
        this.folder = folder;
        this.datasets = datasets;
    }

    /**
     * Lists the datasets of the folder named {@code folderName} under the roots; files that lead out of the roots
     * through a link are not listed. Errors name the folder as given, never its absolute path.
     *
     * @throws DatasetRoots.Refused when the name is absolute, has {@code ..} or leads out through a link
     */
    public static TableFolder open(DatasetRoots roots, String folderName) {
        Path folder = roots.resolve(folderName);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "dataset folder '" + folderName + "' does not exist in the datasets " + "directory");
        }
        Map<String, List<Path>> byName = new TreeMap<>();
        for (Path p : entries(folder)) {
            if (!roots.contains(p)) {
                continue;
            }
            if (Files.isDirectory(p) ? !parts(p, roots).isEmpty() : isTable(p)) {
                byName.computeIfAbsent(baseName(p), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Path> datasets = new TreeMap<>();
        byName.forEach((name, paths) -> paths.forEach(
                p -> datasets.put(paths.size() == 1 ? name : p.getFileName().toString(), p)));
        TableFolder result = new TableFolder(roots, folder, datasets);
        result.loadOptions();
        return result;
    }

    /** The folder itself as the only root (tests and tools). */
    public static TableFolder open(Path folder) {
        return open(new DatasetRoots(List.of(folder)), ".");
    }

    /** Dataset names, sorted. */
    public List<String> names() {
        return List.copyOf(datasets.keySet());
    }

    /** Reads and encodes every row of one dataset; errors name the file and line. */
    public Table load(String name) {
        return load(name, 0, 0L, Long.MAX_VALUE);
    }

    /**
     * Reads and encodes one dataset as a stream, keeping at most {@code maxRows} rows: a seeded sample stratified by
     * class ({@link StratifiedReservoir}), taken while reading, so the table is never held whole. A first pass counts
     * the rows per class; when the rows to keep would need more than {@code memoryBudgetBytes} to read and encode,
     * the dataset is refused before they are read. Errors name the file (relative to the datasets directory) and
     * line, never its content.
     *
     * @param maxRows the most rows to keep; 0 = all
     * @param seed    the sample's seed
     */
    public Table load(String name, int maxRows, long seed, long memoryBudgetBytes) {
        Path path = datasets.get(name);
        if (path == null) {
            throw new IllegalArgumentException("no dataset '" + name + "' in folder '" + roots.displayName(folder)
                    + "'; found: " + String.join(", ", names()));
        }
        List<TableFile> files = new ArrayList<>();
        for (Path file : Files.isDirectory(path) ? parts(path, roots) : List.of(path)) {
            files.add(prepare(name, file));
        }
        TableFile first = files.get(0);
        for (TableFile part : files) {
            if (!part.columns().equals(first.columns()) || part.labelColumn() != first.labelColumn()) {
                throw new TableFormatException(
                        part.source().name(), "its columns differ from those of the dataset's " + "first file");
            }
        }
        int label = first.labelColumn();
        Map<String, Long> counts = new LinkedHashMap<>();
        long[] characters = {0};
        for (TableFile part : files) {
            part.rows((tokens, line) -> {
                if (tokens[label] != null) {
                    counts.merge(tokens[label], 1L, Long::sum);
                    if (counts.size() > MAX_CLASSES) {
                        throw part.source()
                                .error(
                                        line,
                                        "the label column has more than " + MAX_CLASSES
                                                + " distinct values; allowed: at most " + MAX_CLASSES
                                                + " classes (is the label column right? see " + OPTIONS_FILE + ")");
                    }
                    for (String t : tokens) {
                        characters[0] += t == null ? 0 : t.length();
                    }
                }
            });
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        checkReadingMemory(
                name,
                total,
                StratifiedReservoir.keptRows(total, maxRows),
                first.columns().size(),
                characters[0],
                memoryBudgetBytes);
        StratifiedReservoir sample = new StratifiedReservoir(counts, maxRows, seed);
        long[] position = {0};
        for (TableFile part : files) {
            part.rows((tokens, line) -> {
                if (tokens[label] != null) {
                    sample.offer(
                            tokens[label], position[0]++, tokens, part.source().origin(line));
                }
            });
        }
        RawTable raw = new RawTable(first.columns(), label);
        sample.rows().forEach(k -> raw.add(k.tokens(), k.origin()));
        return TableEncoder.encode(name, raw);
    }

    /** Refuses, before the rows are read, a table whose kept rows would not fit the memory budget. */
    private static void checkReadingMemory(
            String name, long total, long kept, int columns, long characters, long budget) {
        double charactersPerRow = total == 0 ? 0 : (double) characters / total;
        double bytes = kept * (columns * (double) BYTES_PER_TOKEN + 2 * charactersPerRow);
        if (bytes > budget) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: reading %d of its %d rows (%d columns) "
                            + "needs about %.1f MiB, more than the %.1f MiB this run may use; set maxRows",
                    name,
                    kept,
                    total,
                    columns,
                    bytes / 1048576.0,
                    budget / 1048576.0));
        }
    }

    private TableFile prepare(String name, Path file) {
        TextSource text = new TextSource(file, roots.displayName(file));
        String suffix = formatSuffix(file.getFileName().toString());
        int label = labelColumn(name);
        if (suffix.equals(".arff")) {
            return ArffTableReader.prepare(text, label);
        }
        if (suffix.equals(".libsvm") || suffix.equals(".svm") || LibsvmTableReader.looksLike(text)) {
            return LibsvmTableReader.prepare(text);
        }
        return CsvTableReader.prepare(text, label, header(name));
    }

    /** 0-based label column, −1 = last. */
    private int labelColumn(String name) {
        String value = options.getProperty(name + ".label", "last").trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "last" -> {
                return -1;
            }
            case "first" -> {
                return 0;
            }
            default -> {
                try {
                    int column = Integer.parseInt(value);
                    if (column >= 1) {
                        return column - 1;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new TableFormatException(
                        optionsName(),
                        0,
                        name + ".label = '" + value + "' is not allowed; allowed: last, first or a column number ≥ 1");
            }
        }
    }

    private CsvTableReader.Header header(String name) {
        String value = options.getProperty(name + ".header", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> CsvTableReader.Header.AUTO;
            case "yes", "true" -> CsvTableReader.Header.YES;
            case "no", "false" -> CsvTableReader.Header.NO;
            default ->
                throw new TableFormatException(
                        optionsName(), 0, name + ".header = '" + value + "' is not allowed; allowed: auto, yes, no");
        };
    }

    private void loadOptions() {
        Path file = folder.resolve(OPTIONS_FILE);
        if (Files.isRegularFile(file) && roots.contains(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                options.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new TableFormatException(
                        optionsName(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private String optionsName() {
        return roots.displayName(folder.resolve(OPTIONS_FILE));
    }

    private static List<Path> entries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "a dataset folder cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<Path> parts(Path directory, DatasetRoots roots) {
        return entries(directory).stream()
                .filter(p -> roots.contains(p) && isTable(p))
                .toList();
    }

    private static boolean isTable(Path p) {
        return Files.isRegularFile(p)
                && !formatSuffix(p.getFileName().toString()).isEmpty();
    }

    /** The format ending of a file name (ignoring a final .gz), or "" when it is not a table. */
    private static String formatSuffix(String fileName) {
        String name = stripGz(fileName).toLowerCase(Locale.ROOT);
        return FORMATS.stream().filter(name::endsWith).findFirst().orElse("");
    }

    private static String baseName(Path p) {
        String name = stripGz(p.getFileName().toString());
        String suffix = Files.isDirectory(p) ? "" : formatSuffix(name);
        return name.substring(0, name.length() - suffix.length());
    }

    private static String stripGz(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? fileName.substring(0, fileName.length() - 3)
                : fileName;
    }
}
