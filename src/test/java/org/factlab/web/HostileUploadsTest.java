package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.factlab.runs.ApiClient;
import org.factlab.runs.ChildServer;
import org.factlab.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The hostile files of issue 31 against the app in a child JVM with {@code -Xmx1g} (the Keras file whose one changed
 * byte crashes the native HDF5 library among them): every one is answered 400
 * naming what is wrong (the limit, where one was passed), {@code /api/runs} keeps answering, and no staging folder
 * stays behind; one left by a server that died is gone after the start.
 */
@SlowTest
class HostileUploadsTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void hostileUploadsEndIn400WhileTheServerKeepsAnswering() throws Exception {
        Path models = Files.createDirectories(dir.resolve("uploads").resolve("models"));
        Path leftOver = Files.createDirectories(models.resolve(".staging-aaaaaaaaaaaaaaaa"));
        Files.write(leftOver.resolve("file.safetensors"), new byte[4096]);
        FileTime old = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(leftOver.resolve("file.safetensors"), old);
        Files.setLastModifiedTime(leftOver, old);
        try (ChildServer server = ChildServer.start(
                dir.resolve("server.log"),
                List.of("-Xmx1g"),
                List.of("--factlab.data-dir=" + dir, "--factlab.datasets-dir=" + dir))) {
            ApiClient api = new ApiClient(server.port());
            assertEquals(0, stagedFiles(), "the left-over staging folder is removed at start-up");
            String limit = "allowed: at most ";
            refused(
                    server,
                    "/api/models",
                    "mutant.h5",
                    MultipartUpload.fixture("mse-tanh-mutant.h5"),
                    "the Keras HDF5 reader crashed");
            refused(server, "/api/models", "aliased.safetensors", aliasedSafetensors(300, 2048), "overlap");
            refused(
                    server,
                    "/api/models",
                    "huge.zip",
                    hugeDl4jZip(),
                    "the network declares 900120003 parameters; " + limit);
            refused(server, "/api/datasets", "huge.npz", npz("(46340, 46340)"), "declares shape [46340, 46340]");
            refused(server, "/api/datasets", "zeros.npz", npz("(20000, 20000)"), limit);
            refused(
                    server,
                    "/api/datasets",
                    "wide.csv",
                    (",".repeat(1_000_000) + "\n").getBytes(StandardCharsets.UTF_8),
                    "a header but no rows");
            assertEquals(200, api.get("/api/runs").statusCode());
            assertEquals(0, stagedFiles(), "nothing kept of a refused upload");
        }
    }

    private void refused(ChildServer server, String path, String name, byte[] content, String message)
            throws Exception {
        HttpResponse<String> r = http.send(
                MultipartUpload.post("http://localhost:" + server.port() + path, name, content, null)
                        .header("X-Requested-With", "test")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), name + ": " + r.body());
        JsonNode error = ApiClient.parse(r.body()).get("errors").get(0);
        assertEquals("file", error.get("field").asText(), r.body());
        assertTrue(error.get("message").asText().contains(message), name + ": " + r.body());
        assertEquals(200, new ApiClient(server.port()).get("/api/runs").statusCode(), "after " + name);
    }

    /** Files under uploads/, staging folders included. */
    private long stagedFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(dir.resolve("uploads"))) {
            return paths.filter(Files::isRegularFile).count();
        }
    }

    /** {@code count} tensors of {@code side}² F16, every one at the same data_offsets. */
    private static byte[] aliasedSafetensors(int count, int side) {
        long bytes = 2L * side * side;
        StringBuilder header = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            header.append(i == 0 ? "" : ",")
                    .append("\"")
                    .append(i)
                    .append(".weight\":{\"dtype\":\"F16\",\"shape\":[")
                    .append(side)
                    .append(",")
                    .append(side)
                    .append("],\"data_offsets\":[0,")
                    .append(bytes)
                    .append("]}");
        }
        byte[] h = header.append("}").toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(int) (8 + h.length + bytes)];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h);
        return out;
    }

    /** A Deeplearning4j zip whose configuration.json has layers 30000 → 30000 → 3 (and no coefficients). */
    private static byte[] hugeDl4jZip() throws IOException {
        String json = new NeuralNetConfiguration.Builder()
                .list()
                .layer(new DenseLayer.Builder().nIn(30_000).nOut(30_000).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(30_000)
                        .nOut(3)
                        .build())
                .build()
                .toJson();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** An .npz whose X (float64) declares {@code shape} but holds no values. */
    private static byte[] npz(String shape) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        npy.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("X.npy"));
            zip.write(npy.toByteArray());
        }
        return bytes.toByteArray();
    }
}
