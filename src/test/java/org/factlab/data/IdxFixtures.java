package org.factlab.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes unsigned-byte IDX files for tests, independently of the reader. */
final class IdxFixtures {

    private IdxFixtures() {}

    /** Header (magic, big-endian dims) followed by the values, gzipped when {@code gzip}. */
    static Path write(Path file, int magic, int[] dims, byte[] values, boolean gzip) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        buffer.putInt(magic);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        buffer.put(values);
        try (OutputStream out =
                gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(buffer.array());
        }
        return file;
    }

    /** values[i] = (31·i + 7) mod 256, covering 0 and 255 for 256 or more values. */
    static byte[] pattern(int length) {
        byte[] values = new byte[length];
        for (int i = 0; i < length; i++) {
            values[i] = (byte) ((31 * i + 7) % 256);
        }
        return values;
    }
}
