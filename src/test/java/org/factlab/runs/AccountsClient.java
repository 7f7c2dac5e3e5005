package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * The REST API of a lab with sign-in on, called by one of its test accounts (HTTP basic) or anonymously. Accounts
 * are {name, password, role} rows.
 */
public final class AccountsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String[][] accounts;
    private final HttpClient http = HttpClient.newHttpClient();

    public AccountsClient(int port, String[][] accounts) {
        this.base = "http://localhost:" + port;
        this.accounts = accounts.clone();
    }

    /** One request; {@code account} null = anonymous, else signed in with that account's password. */
    public HttpResponse<String> send(String account, String method, String path, String body) throws Exception {
        return sendWith(account, account == null ? null : password(account), method, path, body);
    }

    /** One request with the given name and password (e.g. a wrong one); {@code name} null = anonymous. */
    public HttpResponse<String> sendWith(String name, String password, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return sendAs(name, password, b);
    }

    /** A request built by the caller (e.g. a multipart upload), sent as {@code account}; null = anonymous. */
    public HttpResponse<String> send(String account, HttpRequest.Builder request) throws Exception {
        return sendAs(account, account == null ? null : password(account), request);
    }

    private HttpResponse<String> sendAs(String name, String password, HttpRequest.Builder b) throws Exception {
        if (name != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200; its JSON. */
    public JsonNode get(String account, String path) throws Exception {
        HttpResponse<String> r = send(account, "GET", path, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** A POST that must answer 201; the id of what it created. */
    public String create(String account, String path, String body) throws Exception {
        HttpResponse<String> r = send(account, "POST", path, body);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    public JsonNode readTree(String text) throws Exception {
        return JSON.readTree(text);
    }

    private String password(String account) {
        return Arrays.stream(accounts)
                .filter(a -> a[0].equals(account))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test account " + account))[1];
    }
}
