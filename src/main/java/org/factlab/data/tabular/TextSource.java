package org.factlab.data.tabular;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A table file read as a stream of lines (gzip-compressed when its name ends in {@code .gz}), numbered from 1, never
 * held whole in memory. Errors name it by {@code name}, its path relative to the datasets directory, never by its
 * absolute path, and never quote its content.
 */
record TextSource(Path file, String name) {

    /** Receives one line; returns false to stop reading. */
    interface LineHandler {
        boolean line(String text, int number);
    }

    /** Reads the file from its start, line by line, until the end or until {@code handler} returns false. */
    void lines(LineHandler handler) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536)) {
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                if (!handler.line(line, ++number)) {
                    return;
                }
            }
        } catch (ZipException e) {
            throw error(0, "is not valid gzip data");
        } catch (EOFException e) {
            throw error(0, "ends too early (a truncated file?)");
        } catch (IOException e) {
            throw error(0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    TableFormatException error(int line, String message) {
        return new TableFormatException(name, line, message);
    }

    /** "name:line", the origin of a data row. */
    String origin(int line) {
        return name + ":" + line;
    }
}
