package org.factlab.access;

import static org.factlab.runs.TestKindsConfig.SHORT_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.factlab.runs.AccountsClient;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Personal API tokens with login on: created (secret shown once, stored hashed), listed with their last use, used as
 * {@code Authorization: Bearer} for any API call with the owner's role (a viewer's token cannot launch: 403),
 * revoked (401 from then on); unknown tokens 401; tokens of one account are invisible to another.
 */
@LabIntegrationTest(properties = {"factlab.auth.enabled=true", LabIntegrationTest.OWN_DATASETS})
class ApiTokensTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    AccountsClient accounts;

    private HttpResponse<String> withToken(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode createToken(String account, String name) throws Exception {
        HttpResponse<String> r = accounts.send(account, "POST", "/api/tokens", "{\"name\": \"" + name + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return accounts.readTree(r.body());
    }

    @Test
    void aResearchersTokenLaunchesUntilItIsRevokedThenAnswers401() throws Exception {
        JsonNode created = createToken("rita", "gpu box");
        String secret = created.get("token").asText();
        assertTrue(secret.startsWith("factlab_") && secret.length() > 40, secret);

        HttpResponse<String> launched = withToken(secret, "POST", "/api/runs", SHORT_RUN);
        assertEquals(201, launched.statusCode(), launched.body());
        String runId = accounts.readTree(launched.body()).get("id").asText();
        assertEquals(
                "rita", accounts.get("rita", "/api/runs/" + runId).get("owner").asText());

        JsonNode listed = accounts.get("rita", "/api/tokens");
        JsonNode mine = token(listed, created.get("id").asText());
        assertEquals(created.get("id").asText(), mine.get("id").asText());
        assertEquals("gpu box", mine.get("name").asText());
        assertFalse(mine.get("lastUsed").isNull(), "the launch is its last use: " + mine);
        assertFalse(listed.toString().contains(secret), "lists never show the secret");
        assertFalse(
                accounts.get("vera", "/api/tokens")
                        .toString()
                        .contains(mine.get("id").asText()),
                "another account's tokens are not listed");

        assertEquals(
                404,
                accounts.send("vera", "DELETE", "/api/tokens/" + mine.get("id").asText(), null)
                        .statusCode(),
                "only the owner revokes");
        assertEquals(
                204,
                accounts.send("rita", "DELETE", "/api/tokens/" + mine.get("id").asText(), null)
                        .statusCode());
        HttpResponse<String> afterRevoke = withToken(secret, "GET", "/api/runs", null);
        assertEquals(401, afterRevoke.statusCode(), afterRevoke.body());
        assertTrue(afterRevoke.body().contains("unknown or revoked"), afterRevoke.body());
        assertEquals(401, withToken(secret, "POST", "/api/runs", SHORT_RUN).statusCode());
        assertFalse(token(accounts.get("rita", "/api/tokens"), mine.get("id").asText())
                .get("revoked")
                .isNull());
    }

    @Test
    void aViewersTokenReadsButCannotLaunch() throws Exception {
        String secret = createToken("vera", "notebook").get("token").asText();
        assertEquals(200, withToken(secret, "GET", "/api/runs", null).statusCode());
        HttpResponse<String> launch = withToken(secret, "POST", "/api/runs", SHORT_RUN);
        assertEquals(403, launch.statusCode(), launch.body());
    }

    @Test
    void unknownTokensAndBadNamesAreRefused() throws Exception {
        assertEquals(
                401, withToken("factlab_not-a-token", "GET", "/api/runs", null).statusCode());
        assertEquals(401, withToken("", "GET", "/api/runs", null).statusCode());
        HttpResponse<String> blank = accounts.send("rita", "POST", "/api/tokens", "{\"name\": \"  \"}");
        assertEquals(400, blank.statusCode(), blank.body());
        assertTrue(
                blank.body().contains("\"field\":\"name\"") && blank.body().contains("1–100 characters"), blank.body());
    }

    /** The token with this id in a list of tokens. */
    private static JsonNode token(JsonNode tokens, String id) {
        for (JsonNode t : tokens) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no token " + id + " in " + tokens);
    }
}
