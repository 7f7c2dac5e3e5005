package org.factlab.data.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The lines of a text file (gzip-compressed when its name ends in {@code .gz}), numbered from 1. */
record TextLines(Path file, List<String> lines) {

    static TextLines read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
            return new TextLines(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Line {@code number} (1-based). */
    String line(int number) {
        return lines.get(number - 1);
    }

    int count() {
        return lines.size();
    }

    TableFormatException error(int line, String message) {
        return new TableFormatException(file, line, message);
    }

    /** "file:line", the origin of a data row. */
    String origin(int line) {
        return file + ":" + line;
    }
}
