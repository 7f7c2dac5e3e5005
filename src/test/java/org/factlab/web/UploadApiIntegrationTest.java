package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.factlab.runs.ApiClient;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploading models and tables over HTTP (login off): multipart from a script (with {@code X-Requested-With}) and
 * from a page of this server (same-origin {@code Origin}), refused from elsewhere; a PyTorch network uploaded and
 * inspected end to end; malformed, truncated, oversized, pickled and unsupported files answered 400 or 413 with
 * nothing left in the uploads folder.
 */
@LabIntegrationTest(
        properties = {LabIntegrationTest.OWN_DATASETS, "factlab.models.max-bytes=" + UploadApiIntegrationTest.MAX_BYTES
        })
class UploadApiIntegrationTest {

    static final long MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${factlab.datasets-dir}")
    Path datasets;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ApiClient api;

    @Test
    void aPyTorchNetworkIsUploadedInspectedAndDeleted() throws Exception {
        HttpResponse<String> model = upload(
                "/api/models",
                "mse-tanh.safetensors",
                fixture("mse-tanh.safetensors"),
                Map.of("X-Requested-With", "test"),
                "tanh net");
        assertEquals(201, model.statusCode(), model.body());
        JsonNode m = JSON.readTree(model.body());
        assertEquals("safetensors", m.get("format").asText());
        assertEquals("tanh net", m.get("name").asText());
        assertEquals(
                "[{\"in\":6,\"out\":16,\"bias\":true},{\"in\":16,\"out\":16,\"bias\":true},"
                        + "{\"in\":16,\"out\":3,\"bias\":true}]",
                m.get("layers").toString());
        assertTrue(m.get("activation").isNull());
        HttpResponse<String> table =
                upload("/api/datasets", "train.csv", fixture("train.csv"), Map.of("X-Requested-With", "test"), null);
        assertEquals(201, table.statusCode(), table.body());
        JsonNode t = JSON.readTree(table.body());
        assertEquals(120, t.get("rows").asInt());
        assertEquals(6, t.get("features").asInt());
        assertEquals("[\"2\",\"5\",\"9\"]", t.get("classes").toString());

        String id = api.launch(
                "{\"kind\":\"inspect\",\"spec\":{\"model\":\"" + m.get("id").asText() + "\",\"dataset\":\""
                        + t.get("id").asText() + "\",\"lambda\":1e-3,\"activation\":\"tanh\"}}");
        JsonNode run = api.awaitStatus(id, "SUCCEEDED");
        JsonNode reference = JSON.readTree(fixture("mse-tanh.reference.json")).get("series");
        for (String series : new String[] {"layer1/fact/pearson", "layer2/fact/relerr", "layer3/sqrt_agop/cosine"}) {
            double expected = reference.get(series).asDouble();
            double actual = run.get("summary").get(series).asDouble();
            assertTrue(Math.abs(actual - expected) <= 1e-6 * Math.abs(expected), series + ": " + actual);
        }
        assertTrue(api.json("/api/models").toString().contains(m.get("id").asText()));
        assertEquals(
                204,
                api.send("DELETE", "/api/models/" + m.get("id").asText(), null).statusCode());
        assertEquals(404, api.get("/api/models/" + m.get("id").asText()).statusCode());
        assertEquals(
                204,
                api.send("DELETE", "/api/datasets/" + t.get("id").asText(), null)
                        .statusCode());
        assertEquals(0, files("models") + files("datasets"));
    }

    @Test
    void uploadsNeedAHeaderNoCrossSiteFormCanSend() throws Exception {
        byte[] file = fixture("ce-relu.safetensors");
        HttpResponse<String> bare = upload("/api/models", "ce-relu.safetensors", file, Map.of(), null);
        assertEquals(403, bare.statusCode(), bare.body());
        assertTrue(bare.body().contains("X-Requested-With"), bare.body());
        HttpResponse<String> crossSite = upload(
                "/api/models",
                "ce-relu.safetensors",
                file,
                Map.of("Origin", "http://evil.example", "X-Requested-With", "x"),
                null);
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        HttpResponse<String> page =
                upload("/api/models", "ce-relu.safetensors", file, Map.of("Origin", "http://localhost:" + port), null);
        assertEquals(201, page.statusCode(), page.body());
        assertEquals(1, files("models") / 2);
        assertEquals(
                204,
                api.send(
                                "DELETE",
                                "/api/models/"
                                        + JSON.readTree(page.body()).get("id").asText(),
                                null)
                        .statusCode());
    }

    @Test
    void badFilesAreRefusedByNameAndLeaveNothingBehind() throws Exception {
        byte[] good = fixture("mse-tanh.safetensors");
        byte[] junk = new byte[3000];
        new java.util.Random(1).nextBytes(junk);
        String conv = "{\"conv.weight\":{\"dtype\":\"F32\",\"shape\":[2,1,3,3],\"data_offsets\":[0,72]}}";
        assertRefused("/api/models", "junk.safetensors", junk, 400, "not a safetensors file");
        assertRefused("/api/models", "cut.safetensors", Arrays.copyOf(good, good.length / 2), 400, "truncated");
        assertRefused("/api/models", "conv.safetensors", safetensors(conv, 72), 400, "layer 'conv'");
        assertRefused("/api/models", "model.pt", good, 400, "pickle");
        assertRefused("/api/models", "cut.h5", Arrays.copyOf(fixture("mse-tanh.h5"), 4000), 400, "Keras");
        assertRefused("/api/models", "junk.zip", junk, 400, "zip");
        assertRefused("/api/models", "big.safetensors", new byte[(int) MAX_BYTES + 1], 413, "at most " + MAX_BYTES);
        assertRefused("/api/models", "huge.safetensors", new byte[(int) MAX_BYTES * 3], 413, "at most " + MAX_BYTES);
        assertRefused(
                "/api/datasets",
                "bad.csv",
                "a,b,label\n1,x,2\n".getBytes(StandardCharsets.UTF_8),
                400,
                "column 2 is not a finite number");
        assertRefused("/api/datasets", "table.txt", good, 400, ".csv");
        assertEquals(0, files("models") + files("datasets"));
    }

    private void assertRefused(String path, String name, byte[] content, int status, String message) throws Exception {
        HttpResponse<String> r = upload(path, name, content, Map.of("X-Requested-With", "test"), null);
        assertEquals(status, r.statusCode(), name + ": " + r.body());
        JsonNode error = JSON.readTree(r.body()).get("errors").get(0);
        assertEquals("file", error.get("field").asText(), r.body());
        assertTrue(error.get("message").asText().contains(message), name + ": " + r.body());
    }

    /** A safetensors file with this header and {@code dataBytes} zero bytes of data. */
    private static byte[] safetensors(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + h.length + dataBytes];
        java.nio.ByteBuffer.wrap(out)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length)
                .put(h);
        return out;
    }

    private HttpResponse<String> upload(
            String path, String fileName, byte[] content, Map<String, String> headers, String name) throws Exception {
        HttpRequest.Builder request = MultipartUpload.post("http://localhost:" + port + path, fileName, content, name);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] fixture(String name) throws IOException {
        return MultipartUpload.fixture(name);
    }

    /** Files kept under uploads/{kind}/, staging folders included. */
    private long files(String kind) throws IOException {
        Path dir = datasets.resolve("uploads").resolve(kind);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).count();
        }
    }
}
