package org.factlab.access;

import static org.factlab.runs.TestKindsConfig.LONG_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.web.MultipartUpload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login on, over raw HTTP (so that requests can come from chosen loopback addresses 127.0.0.x): the login form needs
 * its CSRF token; ten failed logins for an account or from an address within ten minutes block further logins for
 * it with 429, by HTTP basic and by the form; an account cannot have more queued and running runs than
 * {@code factlab.quota.runs}.
 */
@LabIntegrationTest(
        properties = {
            "factlab.auth.enabled=true",
            LabIntegrationTest.OWN_DATASETS,
            "factlab.quota.runs=3",
            "factlab.quota.uploads=" + GuardedLabSecurityTest.UPLOADS,
            "factlab.quota.upload-bytes=" + GuardedLabSecurityTest.UPLOAD_BYTES,
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"
        })
class GuardedLabSecurityTest {

    static final int UPLOADS = 2;
    static final long UPLOAD_BYTES = 50_000;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    /** One HTTP exchange: status, headers and body as text. */
    record Answer(int status, String head, String body) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.*?)\\r?$").matcher(head);
            return m.find() ? m.group(1) : null;
        }
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() throws Exception {
        String form = "username=rita&password=researcher-pass";
        Answer without =
                send("127.0.0.1", "POST", "/login", List.of("Content-Type: application/x-www-form-urlencoded"), form);
        assertEquals(302, without.status(), without.head());
        assertTrue(
                without.header("Location").contains("/login")
                        && !without.header("Location").contains("error"),
                "sent back to the login page, not signed in: " + without.head());
        String refusedSession = without.header("Set-Cookie") == null
                ? ""
                : without.header("Set-Cookie").split(";")[0];
        assertEquals(
                401,
                send("127.0.0.1", "GET", "/api/runs", List.of("Cookie: " + refusedSession), null)
                        .status());

        Answer page = send("127.0.0.1", "GET", "/login", List.of(), null);
        assertEquals(200, page.status());
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(token.find() && parameter.find(), "the login page hands Vaadin's form the token: " + page.body());
        String cookie = page.header("Set-Cookie").split(";")[0];
        Answer with = send(
                "127.0.0.1",
                "POST",
                "/login",
                List.of("Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie),
                form + "&" + parameter.group(1) + "=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        assertEquals(302, with.status(), with.head());
        assertTrue(!with.header("Location").contains("error"), "signed in: " + with.header("Location"));
    }

    @Test
    void failedLoginsDelayTheAccountAtThatAddressOnly() throws Exception {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, basic("127.0.0.2", "tess", "wrong-" + i).status());
        }
        Answer delayed = basic("127.0.0.2", "tess", "target-pass");
        assertEquals(429, delayed.status(), "even the right password, for a while, from that address");
        assertTrue(delayed.body().contains("too many failed logins"), delayed.body());
        long retryAfter = Long.parseLong(delayed.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= LoginThrottle.FIRST_DELAY.toSeconds(), delayed.head());
        assertEquals(429, basic("127.0.0.2", "TESS", "target-pass").status(), "the name in another case too");
        assertEquals(200, basic("127.0.0.3", "tess", "target-pass").status(), "the owner elsewhere is not locked out");
        assertEquals(200, basic("127.0.0.2", "rita", "researcher-pass").status(), "nor others at that address");
        Answer formLogin = send(
                "127.0.0.2",
                "POST",
                "/login",
                List.of("Content-Type: application/x-www-form-urlencoded"),
                "username=tess&password=target-pass");
        assertEquals(429, formLogin.status(), "the login form too");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureBehindTlsAndNoPageLeaksItsAddress() throws Exception {
        Answer plain = send("127.0.0.1", "GET", "/login", List.of(), null);
        String cookie = plain.header("Set-Cookie");
        assertTrue(cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), cookie);
        assertEquals("same-origin", plain.header("Referrer-Policy"));
        Answer proxied = send("127.0.0.1", "GET", "/login", List.of("X-Forwarded-Proto: https"), null);
        assertTrue(proxied.header("Set-Cookie").contains("Secure"), "behind the TLS proxy: " + proxied.head());
        Answer spoofed = send("127.0.0.4", "GET", "/login", List.of("X-Forwarded-Proto: https"), null);
        assertFalse(spoofed.header("Set-Cookie").contains("Secure"), "not from the proxy: " + spoofed.head());
        assertEquals(
                "same-origin", basic("127.0.0.1", "rita", "researcher-pass").header("Referrer-Policy"));
    }

    @Test
    void parallelLaunchesCannotTogetherPassTheRunQuota() throws Exception {
        List<Callable<Integer>> launches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            launches.add(() ->
                    basicPost("ruth", "parallel-pass", "/api/runs", LONG_RUN).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(launches)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(37, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        for (JsonNode run :
                json.readTree(basic("127.0.0.1", "ruth", "parallel-pass").body())) {
            if (run.get("owner").asText().equals("ruth")) {
                assertEquals(
                        200,
                        basicPost(
                                        "ruth",
                                        "parallel-pass",
                                        "/api/runs/" + run.get("id").asText() + "/cancel",
                                        "")
                                .status());
            }
        }
    }

    @Test
    void uploadsAreLimitedPerAccountInCountAndBytes() throws Exception {
        byte[] model = MultipartUpload.fixture("ce-relu.safetensors");
        List<Callable<Integer>> parallel = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parallel.add(() ->
                    upload("ulla", "upload-pass", "ce-relu.safetensors", model).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Integer> f : pool.invokeAll(parallel)) {
                assertTrue(f.get() == 201 || f.get() == 429, "status " + f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        while (upload("ulla", "upload-pass", "ce-relu.safetensors", model).status() == 201) {
            assertTrue(uploads("ulla") <= UPLOADS, "at most " + UPLOADS + " kept");
        }
        Answer third = upload("ulla", "upload-pass", "ce-relu.safetensors", model);
        assertEquals(429, third.status(), third.body());
        assertTrue(third.body().contains("allowed: at most " + UPLOADS + " (factlab.quota.uploads)"), third.body());
        assertEquals(UPLOADS, uploads("ulla"));
        Answer big = upload("remy", "other-researcher-pass", "big.csv", new byte[(int) UPLOAD_BYTES + 1]);
        assertEquals(413, big.status(), big.body());
        assertTrue(big.body().contains("factlab.quota.upload-bytes"), big.body());
        assertEquals(
                201,
                upload("remy", "other-researcher-pass", "ce-relu.safetensors", model)
                        .status(),
                "the quota is per account");
    }

    /** The models of {@code account} (password upload-pass) that GET /api/models lists. */
    private long uploads(String account) throws Exception {
        long count = 0;
        for (JsonNode m : json.readTree(
                send("127.0.0.1", "GET", "/api/models", List.of(authorization(account, "upload-pass")), null)
                        .body())) {
            count += account.equals(m.path("owner").asText()) ? 1 : 0;
        }
        return count;
    }

    private Answer upload(String name, String password, String fileName, byte[] content) throws IOException {
        String boundary = "quota-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String path = fileName.endsWith(".csv") ? "/api/datasets" : "/api/models";
        return sendBytes(
                "127.0.0.1",
                "POST",
                path,
                List.of(authorization(name, password), "Content-Type: multipart/form-data; boundary=" + boundary),
                body.toByteArray());
    }

    @Test
    void anAccountCannotHaveMoreQueuedAndRunningRunsThanItsQuota() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer launched = basicPost("rita", "researcher-pass", "/api/runs", LONG_RUN);
            assertEquals(201, launched.status(), launched.body());
            ids.add(json.readTree(launched.body()).get("id").asText());
        }
        Answer fourth = basicPost("rita", "researcher-pass", "/api/runs", LONG_RUN);
        assertEquals(429, fourth.status(), fourth.body());
        assertTrue(fourth.body().contains("factlab.quota.runs"), fourth.body());
        Answer study = basicPost(
                "rita", "researcher-pass", "/api/studies", "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3,4]}}");
        assertEquals(429, study.status(), study.body());
        assertEquals(
                201,
                basicPost("remy", "other-researcher-pass", "/api/runs", LONG_RUN)
                        .status(),
                "per account");
        for (String id : ids) {
            assertEquals(
                    200,
                    basicPost("rita", "researcher-pass", "/api/runs/" + id + "/cancel", "")
                            .status());
        }
        assertEquals(
                201,
                basicPost("rita", "researcher-pass", "/api/runs", "{\"kind\":\"test-scripted\"}")
                        .status(),
                "room again once runs ended");
    }

    private Answer basic(String from, String name, String password) throws IOException {
        return send(from, "GET", "/api/runs", List.of(authorization(name, password)), null);
    }

    private Answer basicPost(String name, String password, String path, String body) throws IOException {
        return send(
                "127.0.0.1",
                "POST",
                path,
                List.of(authorization(name, password), "Content-Type: application/json"),
                body);
    }

    private static String authorization(String name, String password) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A raw HTTP/1.1 exchange from the local address {@code from} (any of 127.0.0.0/8). */
    private Answer send(String from, String method, String path, List<String> headers, String body) throws IOException {
        return sendBytes(from, method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A raw HTTP/1.1 exchange with a binary body (none when null). */
    private Answer sendBytes(String from, String method, String path, List<String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            byte[] content = body == null ? new byte[0] : body;
            StringBuilder request = new StringBuilder(
                    method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
            headers.forEach(h -> request.append(h).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String rest = split < 0 ? "" : all.substring(split + 4);
            boolean chunked = head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, chunked ? dechunk(rest) : rest);
        }
    }

    /** The body of a chunked answer (sizes in hex, each chunk followed by CRLF). */
    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            byte[] bytes = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
            body.append(chunk);
            at = eol + 2 + chunk.length() + 2;
        }
    }
}
