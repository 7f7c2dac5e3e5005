package org.factlab.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A multipart/form-data POST as a script sends it: field {@code file} and, when given, {@code name}. */
public final class MultipartUpload {

    private static final String BOUNDARY = "factlab-test-boundary";

    private MultipartUpload() {}

    public static HttpRequest.Builder post(String url, String fileName, byte[] content, String name)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (name != null) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** A file of src/test/resources/inspect/ (written by src/test/python/make_inspect_fixtures.py). */
    public static byte[] fixture(String name) throws IOException {
        try (InputStream in = MultipartUpload.class.getResourceAsStream("/inspect/" + name)) {
            return in.readAllBytes();
        }
    }
}
