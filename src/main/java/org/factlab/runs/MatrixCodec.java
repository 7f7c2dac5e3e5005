package org.factlab.runs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** float32 little-endian row-major, deflate-compressed: the storage format of matrix snapshots. */
final class MatrixCodec {

    private MatrixCodec() {}

    static byte[] encode(float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw.array());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.capacity() / 2 + 64);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static float[] decode(byte[] compressed, int count) {
        byte[] raw = new byte[count * Float.BYTES];
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        try {
            int n = 0;
            while (n < raw.length && !inflater.finished()) {
                n += inflater.inflate(raw, n, raw.length - n);
            }
            if (n != raw.length) {
                throw new IllegalStateException("matrix snapshot truncated: " + n + " of " + raw.length + " bytes");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt matrix snapshot", e);
        } finally {
            inflater.end();
        }
        float[] values = new float[count];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
