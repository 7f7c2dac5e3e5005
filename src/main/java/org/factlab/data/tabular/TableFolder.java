package org.factlab.data.tabular;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final Path folder;
    private final Map<String, Path> datasets;
    private final Properties options = new Properties();

    private TableFolder(Path folder, Map<String, Path> datasets) {
        this.folder = folder;
        this.datasets = datasets;
    }

    /** Lists the datasets of {@code folder}; an error names the folder when it does not exist. */
    public static TableFolder open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("dataset folder " + folder.toAbsolutePath() + " does not exist");
        }
        Map<String, List<Path>> byName = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.sorted().forEach(p -> {
                if (Files.isDirectory(p) ? !parts(p).isEmpty() : isTable(p)) {
                    byName.computeIfAbsent(baseName(p), k -> new ArrayList<>()).add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        Map<String, Path> datasets = new TreeMap<>();
        byName.forEach((name, paths) -> paths.forEach(p -> datasets.put(paths.size() == 1 ? name
                : p.getFileName().toString(), p)));
        TableFolder result = new TableFolder(folder, datasets);
        result.loadOptions();
        return result;
    }

    public Path path() {
        return folder;
    }

    /** Dataset names, sorted. */
    public List<String> names() {
        return List.copyOf(datasets.keySet());
    }

    /** Reads and encodes one dataset; errors name the file and line. */
    public Table load(String name) {
        Path path = datasets.get(name);
        if (path == null) {
            throw new IllegalArgumentException("no dataset '" + name + "' in " + folder + "; found: "
                    + String.join(", ", names()));
        }
        List<Path> files = Files.isDirectory(path) ? parts(path) : List.of(path);
        RawTable raw = null;
        for (Path file : files) {
            RawTable part = read(name, file);
            if (raw == null) {
                raw = part;
            } else {
                raw.append(part, file.toString());
            }
        }
        return TableEncoder.encode(name, raw);
    }

    private RawTable read(String name, Path file) {
        TextLines text = TextLines.read(file);
        String suffix = formatSuffix(file.getFileName().toString());
        int label = labelColumn(name);
        if (suffix.equals(".arff")) {
            return ArffTableReader.read(text, label);
        }
        if (suffix.equals(".libsvm") || suffix.equals(".svm") || LibsvmTableReader.looksLike(text)) {
            return LibsvmTableReader.read(text);
        }
        return CsvTableReader.read(text, label, header(name));
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
                throw new TableFormatException(folder.resolve(OPTIONS_FILE), 0, name + ".label = '" + value
                        + "' is not allowed; allowed: last, first or a column number ≥ 1");
            }
        }
    }

    private CsvTableReader.Header header(String name) {
        String value = options.getProperty(name + ".header", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> CsvTableReader.Header.AUTO;
            case "yes", "true" -> CsvTableReader.Header.YES;
            case "no", "false" -> CsvTableReader.Header.NO;
            default -> throw new TableFormatException(folder.resolve(OPTIONS_FILE), 0, name + ".header = '" + value
                    + "' is not allowed; allowed: auto, yes, no");
        };
    }

    private void loadOptions() {
        Path file = folder.resolve(OPTIONS_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                options.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<Path> parts(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(TableFolder::isTable).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTable(Path p) {
        return Files.isRegularFile(p) && !formatSuffix(p.getFileName().toString()).isEmpty();
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
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz") ? fileName.substring(0, fileName.length() - 3)
                : fileName;
    }
}
