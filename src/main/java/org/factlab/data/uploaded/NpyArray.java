package org.factlab.data.uploaded;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.math.ValueLimit;

/**
 * One NumPy {@code .npy} array (format versions 1–3): the magic {@code \x93NUMPY}, a header dict with {@code descr},
 * {@code fortran_order} and {@code shape}, then the data. Numeric dtypes only (float16/32/64, signed and unsigned
 * integers, bool), either byte order; the values are returned as float64 in row-major order. The data read is
 * exactly what the header declares, so a truncated array is refused and an oversized one never read.
 */
record NpyArray(long[] shape, double[] values) {

    /** One Java array at most. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /**
     * Values are stored as they arrive, in an array grown by doubling from this size: a short file declaring a huge
     * shape ends (truncated) before much is allocated.
     */
    private static final int FIRST_CAPACITY = 1 << 16;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiub])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static NpyArray read(InputStream stream, String name, ValueLimit limit) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8
                    || (magic[0] & 0xff) != 0x93
                    || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")
                    || magic[6] < 1
                    || magic[6] > 3) {
                throw new TableFormatException(name, "is not a NumPy array (.npy)");
            }
            byte[] lengthBytes = in.readNBytes(magic[6] == 1 ? 2 : 4);
            ByteBuffer lb = ByteBuffer.wrap(Arrays.copyOf(lengthBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = lb.getInt() & 0xffffffffL;
            if (headerLength > 1 << 20) {
                throw new TableFormatException(name, "has a header of " + headerLength + " bytes");
            }
            String header = new String(in.readNBytes((int) headerLength), StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            Matcher fortran = FORTRAN.matcher(header);
            Matcher shapeText = SHAPE.matcher(header);
            if (!descr.find() || !fortran.find() || !shapeText.find()) {
                throw new TableFormatException(
                        name,
                        "has a header without a numeric descr, fortran_order and shape "
                                + "(strings and objects are not supported)");
            }
            long[] shape = shape(shapeText.group(1), name);
            if (fortran.group(1).equals("True") && shape.length > 2) {
                throw new TableFormatException(
                        name,
                        "is a Fortran-ordered array of " + shape.length + " dimensions; allowed: C order "
                                + "(numpy.ascontiguousarray) for more than 2");
            }
            long count = 1;
            for (long s : shape) {
                count = s > 0 && count > Long.MAX_VALUE / s ? Long.MAX_VALUE : count * s;
            }
            if (!limit.allows(count) || count > MAX_ARRAY) {
                throw new TableFormatException(
                        name,
                        "declares shape " + Arrays.toString(shape) + ", "
                                + (count == Long.MAX_VALUE ? "too many" : Long.toString(count)) + " values; "
                                + limit.allowed());
            }
            ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            double[] values =
                    values(in, descr.group(2).charAt(0), Integer.parseInt(descr.group(3)), (int) count, order, name);
            if (fortran.group(1).equals("True") && shape.length == 2) {
                values = transposed(values, (int) shape[1], (int) shape[0]);
            }
            return new NpyArray(shape, values);
        } catch (EOFException e) {
            throw new TableFormatException(name, "ends before all its values (truncated)");
        }
    }

    private static long[] shape(String text, String name) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                try {
                    long dim = Long.parseLong(part.strip().replace("L", ""));
                    if (dim < 0) {
                        throw new NumberFormatException("negative");
                    }
                    dims.add(dim);
                } catch (NumberFormatException e) {
                    throw new TableFormatException(name, "has an unreadable shape (" + text + ")");
                }
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] values(DataInputStream in, char kind, int bytes, int count, ByteOrder order, String name)
            throws IOException {
        boolean known = kind == 'f'
                ? bytes == 2 || bytes == 4 || bytes == 8
                : kind == 'b' ? bytes == 1 : bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8;
        if (!known) {
            throw new TableFormatException(name, "has an unsupported dtype " + kind + bytes);
        }
        double[] out = new double[Math.min(count, FIRST_CAPACITY)];
        byte[] chunk = new byte[bytes * 8192];
        for (int done = 0; done < count; ) {
            int take = Math.min(8192, count - done);
            in.readFully(chunk, 0, take * bytes);
            if (done + take > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(count, 2L * out.length));
            }
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, take * bytes).order(order);
            for (int i = 0; i < take; i++) {
                out[done + i] = switch (kind) {
                    case 'f' -> bytes == 8 ? b.getDouble() : bytes == 4 ? b.getFloat() : half(b.getShort());
                    case 'i' ->
                        bytes == 8 ? b.getLong() : bytes == 4 ? b.getInt() : bytes == 2 ? b.getShort() : b.get();
                    case 'u' ->
                        bytes == 8
                                ? unsigned(b.getLong())
                                : bytes == 4
                                        ? b.getInt() & 0xffffffffL
                                        : bytes == 2 ? b.getShort() & 0xffff : b.get() & 0xff;
                    default -> b.get() != 0 ? 1 : 0;
                };
            }
            done += take;
        }
        return out;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    private static double half(short h) {
        int exponent = (h >> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        double sign = (h & 0x8000) != 0 ? -1 : 1;
        if (exponent == 0x1f) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return exponent == 0 ? sign * mantissa * 0x1p-24 : sign * (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
    }

    private static double[] transposed(double[] columnMajor, int cols, int rows) {
        double[] out = new double[columnMajor.length];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] = columnMajor[j * rows + i];
            }
        }
        return out;
    }
}
