package org.factlab.nn.imported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.math.ValueLimit;
import org.factlab.nn.mlp.MlpWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a PyTorch {@code state_dict} of dense layers, optionally after convolutions, from a safetensors file: an
 * 8-byte little-endian header length N, N bytes of JSON {@code {name: {"dtype", "shape", "data_offsets": [begin,
 * end]}}} (plus an optional {@code __metadata__}), then the tensors' raw little-endian bytes, offsets counted from the
 * end of the header. Tensors must be {@code <prefix>.weight} (out×in, {@code nn.Linear}'s orientation, which is the
 * paper's W, or {@code Conv2d}'s out×in×q×q, read as the k×cq² matrix W of patch FACT) and optionally
 * {@code <prefix>.bias}; the layers follow the prefixes in natural order ({@code 0, 2, 4} or {@code fc1, fc2, fc10})
 * unless an order is given. F32, F64, F16 and BF16 are read, as float64.
 */
final class SafetensorsReader {

    /** The safetensors library refuses headers above 100 MB as well. */
    private static final long MAX_HEADER_BYTES = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {}

    static ImportedNetwork read(Path file, List<String> order, ValueLimit limit)
            throws ModelFileException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new ModelFileException(
                        "not a safetensors file: " + size + " bytes, shorter than its 8-byte " + "header length");
            }
            long headerLength =
                    readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new ModelFileException("not a safetensors file (or truncated): the header length "
                        + Long.toUnsignedString(headerLength) + " does not fit the file's " + size + " bytes");
            }
            JsonNode header = parseHeader(readFully(channel, 8, (int) headerLength));
            Map<String, Tensor> tensors = tensors(header, size - 8 - headerLength);
            checkLayout(tensors.values(), size - 8 - headerLength, limit);
            Map<String, Tensor[]> layers = layers(tensors);
            List<String> names = order.isEmpty() ? naturalOrder(layers.keySet()) : checkedOrder(order, layers);
            List<INDArray> weights = new ArrayList<>();
            List<INDArray> biases = new ArrayList<>();
            List<ImportedNetwork.ConvShape> convolutions = convolutions(names, layers);
            for (String name : names) {
                Tensor[] wb = layers.get(name);
                INDArray w = wb[0].read(channel, 8 + headerLength);
                weights.add(w.rank() == 2 ? w : w.reshape('c', wb[0].shape[0], w.length() / wb[0].shape[0]));
                biases.add(
                        wb[1] == null
                                ? null
                                : wb[1].read(channel, 8 + headerLength).reshape(1, wb[1].shape[0]));
            }
            int convs = convolutions.size();
            DenseChecks.finite(names.subList(0, convs), weights.subList(0, convs), biases.subList(0, convs));
            DenseChecks.chain(
                    names.subList(convs, names.size()),
                    weights.subList(convs, names.size()),
                    biases.subList(convs, names.size()));
            return new ImportedNetwork(new MlpWeights(weights, biases), null, false, names, convolutions);
        }
    }

    /**
     * The shapes of the leading convolutions ({@code Conv2d} weights out×in×q×q) in the layer order; refused, naming
     * the layer: a convolution after a dense layer, one whose input channels differ from the previous one's filters,
     * and a convolution that is the last layer.
     */
    private static List<ImportedNetwork.ConvShape> convolutions(List<String> names, Map<String, Tensor[]> layers)
            throws ModelFileException {
        List<ImportedNetwork.ConvShape> out = new ArrayList<>();
        for (int l = 0; l < names.size(); l++) {
            long[] shape = layers.get(names.get(l))[0].shape;
            if (shape.length == 2) {
                continue;
            }
            if (out.size() < l) {
                throw new ModelFileException("layer '" + names.get(l) + "' is a convolution after the dense layer '"
                        + names.get(l - 1) + "'; supported: convolutions first, then dense layers");
            }
            ImportedNetwork.ConvShape conv =
                    new ImportedNetwork.ConvShape((int) shape[1], (int) shape[0], (int) shape[2]);
            if (l > 0 && conv.channels() != out.get(l - 1).filters()) {
                throw new ModelFileException("layer '" + names.get(l) + "' takes " + conv.channels() + " channels but "
                        + "layer '" + names.get(l - 1) + "' gives "
                        + out.get(l - 1).filters() + ": not a chain of convolutions in this order");
            }
            out.add(conv);
        }
        if (!out.isEmpty() && out.size() == names.size()) {
            throw new ModelFileException("the last layer '" + names.get(names.size() - 1) + "' is a convolution; "
                    + "supported: convolutions followed by dense (nn.Linear) layers");
        }
        return out;
    }

    private static JsonNode parseHeader(ByteBuffer bytes) throws ModelFileException {
        try {
            JsonNode header = JSON.readTree(StandardCharsets.UTF_8.decode(bytes).toString());
            if (header == null || !header.isObject()) {
                throw new ModelFileException("not a safetensors file: the header is not a JSON object");
            }
            return header;
        } catch (IOException e) {
            throw new ModelFileException(
                    "not a safetensors file: the header is not JSON (" + Dl4jZipReader.firstLine(e) + ")");
        }
    }

    /** Every tensor of the header, checked against the data section's {@code dataBytes}. */
    private static Map<String, Tensor> tensors(JsonNode header, long dataBytes) throws ModelFileException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("__metadata__")) {
                out.put(e.getKey(), Tensor.of(e.getKey(), e.getValue(), dataBytes));
            }
        }
        if (out.isEmpty()) {
            throw new ModelFileException("the safetensors file holds no tensors");
        }
        return out;
    }

    /**
     * Refuses, before any tensor is read, a data section that the tensors do not tile exactly (overlapping, aliased
     * or missing bytes: each tensor's bytes follow the previous one's, the first at 0, the last ending the file) and
     * more numbers than {@code limit} allows.
     */
    private static void checkLayout(Collection<Tensor> tensors, long dataBytes, ValueLimit limit)
            throws ModelFileException {
        List<Tensor> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(Tensor::begin).thenComparingLong(Tensor::end));
        long next = 0;
        long values = 0;
        for (Tensor t : byOffset) {
            if (t.begin() != next) {
                throw new ModelFileException("tensor '" + t.name() + "': data_offsets [" + t.begin() + ", " + t.end()
                        + "] "
                        + (t.begin() < next
                                ? "overlap the previous tensor's bytes, which end at " + next
                                : "leave a gap after byte " + next)
                        + "; tensors must follow each other without gaps or "
                        + "overlaps");
            }
            next = t.end();
            values += t.count();
        }
        if (next != dataBytes) {
            throw new ModelFileException("the tensors fill " + next + " of the file's " + dataBytes + " data bytes; "
                    + "the data section must hold exactly the tensors of the header");
        }
        if (!limit.allows(values)) {
            throw new ModelFileException("the file holds " + values + " parameters; " + limit.allowed());
        }
    }

    /** Tensors grouped by layer prefix: {weight, bias (or null)}; anything else is refused by name. */
    private static Map<String, Tensor[]> layers(Map<String, Tensor> tensors) throws ModelFileException {
        Map<String, Tensor[]> layers = new LinkedHashMap<>();
        for (Tensor t : tensors.values()) {
            int dot = t.name.lastIndexOf('.');
            String role = dot < 0 ? "" : t.name.substring(dot + 1);
            if (!role.equals("weight") && !role.equals("bias")) {
                throw new ModelFileException("tensor '" + t.name + "' is not a dense layer's weight or bias; "
                        + "supported: a chain of dense (nn.Linear) layers with ReLU, tanh or identity between them");
            }
            layers.computeIfAbsent(t.name.substring(0, dot), k -> new Tensor[2])[role.equals("weight") ? 0 : 1] = t;
        }
        for (Map.Entry<String, Tensor[]> e : layers.entrySet()) {
            Tensor w = e.getValue()[0];
            Tensor b = e.getValue()[1];
            if (w == null) {
                throw new ModelFileException("layer '" + e.getKey() + "' has a bias but no weight");
            }
            if (w.shape.length != 2 && (w.shape.length != 4 || w.shape[2] != w.shape[3])) {
                throw new ModelFileException("layer '" + e.getKey() + "': weight of shape " + w.shapeText()
                        + " is neither a dense layer's out×in matrix nor a convolution's out×in×q×q filters (square "
                        + "windows; other layers are not supported)");
            }
            if (b != null && (b.shape.length != 1 || b.shape[0] != w.shape[0])) {
                throw new ModelFileException("layer '" + e.getKey() + "': bias of shape " + b.shapeText()
                        + " does not match its " + w.shape[0] + " outputs");
            }
        }
        return layers;
    }

    private static List<String> checkedOrder(List<String> order, Map<String, Tensor[]> layers)
            throws ModelFileException {
        for (String name : order) {
            if (!layers.containsKey(name)) {
                throw new ModelFileException("layer '" + name + "' of the given order is not in the file; its layers: "
                        + naturalOrder(layers.keySet()));
            }
        }
        if (order.size() != layers.size() || order.stream().distinct().count() != order.size()) {
            throw new ModelFileException("the given order " + order + " must name each of the file's layers "
                    + naturalOrder(layers.keySet()) + " once");
        }
        return List.copyOf(order);
    }

    /** Names sorted with their digit runs compared as numbers: 0 &lt; 2 &lt; 10, fc1 &lt; fc2 &lt; fc10. */
    static List<String> naturalOrder(Iterable<String> names) {
        List<String> sorted = new ArrayList<>();
        names.forEach(sorted::add);
        sorted.sort(SafetensorsReader::compareNatural);
        return sorted;
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    /** One tensor's header entry. */
    private record Tensor(String name, String dtype, long[] shape, long begin, long end) {

        static Tensor of(String name, JsonNode entry, long dataBytes) throws ModelFileException {
            JsonNode dtype = entry.path("dtype");
            JsonNode shape = entry.path("shape");
            JsonNode offsets = entry.path("data_offsets");
            if (!dtype.isTextual()
                    || !shape.isArray()
                    || !offsets.isArray()
                    || offsets.size() != 2
                    || !offsets.get(0).canConvertToLong()
                    || !offsets.get(1).canConvertToLong()) {
                throw new ModelFileException("tensor '" + name + "': the header entry needs dtype, shape and "
                        + "data_offsets [begin, end]");
            }
            int itemBytes = switch (dtype.asText()) {
                case "F64" -> 8;
                case "F32" -> 4;
                case "F16", "BF16" -> 2;
                default ->
                    throw new ModelFileException(
                            "tensor '" + name + "' has dtype " + dtype.asText() + "; allowed: F32, F64, F16, BF16");
            };
            long[] dims = new long[shape.size()];
            long count = 1;
            for (int k = 0; k < dims.length; k++) {
                if (!shape.get(k).canConvertToLong()
                        || shape.get(k).asLong() < 1
                        || shape.get(k).asLong() > 1L << 31) {
                    throw new ModelFileException("tensor '" + name + "' has an invalid shape " + shape);
                }
                dims[k] = shape.get(k).asLong();
                count = count > dataBytes / dims[k] ? Long.MAX_VALUE : count * dims[k];
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            if (begin < 0 || end > dataBytes || count > dataBytes / itemBytes || end - begin != count * itemBytes) {
                throw new ModelFileException("tensor '" + name + "': data_offsets [" + begin + ", " + end + "] do not "
                        + "fit its shape " + shape + " of " + dtype.asText() + " within the file's " + dataBytes
                        + " data bytes (a truncated file?)");
            }
            return new Tensor(name, dtype.asText(), dims, begin, end);
        }

        /** IEEE 754 binary16 to float (subnormals, infinities and NaN included). */
        private static float halfToFloat(short half) {
            int sign = (half & 0x8000) << 16;
            int exponent = (half >> 10) & 0x1f;
            int mantissa = half & 0x3ff;
            if (exponent == 0x1f) {
                return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
            }
            if (exponent == 0) {
                float value = mantissa * 0x1p-24f;
                return sign == 0 ? value : -value;
            }
            return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
        }

        /** The number of values. */
        long count() {
            return (end - begin) / itemBytes(dtype);
        }

        private static int itemBytes(String dtype) {
            return dtype.equals("F64") ? 8 : dtype.equals("F32") ? 4 : 2;
        }

        String shapeText() {
            return Arrays.toString(shape);
        }

        /** The tensor as a float64 array of its shape, row-major. */
        INDArray read(FileChannel channel, long dataStart) throws IOException {
            ByteBuffer bytes = readFully(channel, dataStart + begin, Math.toIntExact(end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[Math.toIntExact(count())];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (dtype) {
                    case "F64" -> bytes.getDouble();
                    case "F32" -> bytes.getFloat();
                    case "F16" -> halfToFloat(bytes.getShort());
                    default -> Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16);
                };
            }
            return Nd4j.create(values, shape, DataType.DOUBLE);
        }
    }
}
