package org.factlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reader of the IDX format of MNIST and Fashion-MNIST (yann.lecun.com/exdb/mnist): a big-endian header
 * of a 4-byte magic number 00 00 type ndims, then ndims 32-bit dimensions, then the values in row-major
 * order. Only unsigned-byte arrays (type 0x08) are read. Files may be plain or gzipped.
 */
public final class IdxReader {

    /** Unsigned bytes, 3 dimensions: count × rows × columns images. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned bytes, 1 dimension: count labels. */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** Reads an unsigned-byte IDX file whose magic number must be {@code expectedMagic}. */
    public static IdxArray read(Path file, int expectedMagic) throws IOException {
        byte[] bytes = DatasetFiles.readAllBytes(file);
        if (bytes.length < 4) {
            throw new IOException("file " + file + ": " + bytes.length + " bytes is too short for an IDX magic number");
        }
        int magic = ByteBuffer.wrap(bytes, 0, 4).getInt();
        int rank = expectedMagic & 0xFF;
        if (magic != expectedMagic) {
            throw new IOException(String.format(
                    "file %s: IDX magic number is 0x%08X; expected 0x%08X" + " (unsigned bytes, %d dimension%s)",
                    file, magic, expectedMagic, rank, rank == 1 ? "" : "s"));
        }
        int headerBytes = 4 + 4 * rank;
        if (bytes.length < headerBytes) {
            throw new IOException("file " + file + ": " + bytes.length + " bytes is too short for an IDX header of "
                    + headerBytes + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, headerBytes - 4);
        int[] dims = new int[rank];
        long size = 1;
        for (int k = 0; k < rank; k++) {
            dims[k] = header.getInt();
            if (dims[k] < 1) {
                throw new IOException("file " + file + ": IDX dimension " + k + " is " + dims[k] + "; must be ≥ 1");
            }
            size *= dims[k];
        }
        long found = bytes.length - (long) headerBytes;
        if (found != size) {
            throw new IOException("file " + file + ": header dimensions " + Arrays.toString(dims) + " need " + size
                    + " data bytes, found " + found + (found < size ? " (truncated file)" : ""));
        }
        return new IdxArray(dims, Arrays.copyOfRange(bytes, headerBytes, bytes.length));
    }
}
