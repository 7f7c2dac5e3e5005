package org.factlab.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Whole-file reads of dataset files, plain or gzipped. */
final class DatasetFiles {

    private DatasetFiles() {}

    /**
     * The file's content, gunzipped when its name ends in {@code .gz} or it starts with the gzip magic
     * bytes 1f 8b. Errors name the file.
     */
    static byte[] readAllBytes(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (!file.getFileName().toString().endsWith(".gz") && !startsWithGzipMagic(raw)) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("file " + file + ": not a readable gzip file (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWithGzipMagic(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B;
    }
}
