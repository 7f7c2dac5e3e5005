package org.factlab.access;

import static org.factlab.runs.TestKindsConfig.LONG_RUN;
import static org.factlab.runs.TestKindsConfig.SHORT_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.factlab.runs.AccountsClient;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Login on ({@code factlab.auth.enabled=true}) with the accounts of {@link org.factlab.testing.TestAccounts}:
 * the API's 401 / 403 answers per role, ownership of cancel and share, and share links of runs and studies opened
 * without an account.
 */
@LabIntegrationTest(properties = {"factlab.auth.enabled=true", LabIntegrationTest.OWN_DATASETS})
class AccessIntegrationTest {

    private static final String SHORT_STUDY = "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3,4]}}";
    private static final String LONG_STUDY =
            "{\"kind\":\"test-scripted\",\"spec\":{\"sleepMs\":5}," + "\"sweep\":{\"steps\":[100000,100001]}}";

    @Autowired
    AccountsClient api;

    @Test
    void anonymousCallsGet401AndTheUiAsksForALogin() throws Exception {
        for (String path :
                List.of("/api/runs", "/api/runs.csv", "/api/kinds", "/api/system", "/api/runs/x/metrics.csv")) {
            HttpResponse<String> r = api.send(null, "GET", path, null);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.body().contains("sign in"), r.body());
            assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty(), "no Basic prompt for browsers");
        }
        assertEquals(401, api.send(null, "POST", "/api/runs", SHORT_RUN).statusCode());
        assertEquals(
                401, api.sendWith("rita", "wrong", "GET", "/api/runs", null).statusCode());
        assertEquals(
                401,
                api.sendWith("nobody", "researcher-pass", "GET", "/api/runs", null)
                        .statusCode());

        for (String page : List.of("/", "/launch", "/runs/abc", "/system")) {
            HttpResponse<String> r = api.send(null, "GET", page, null);
            assertEquals(302, r.statusCode(), page);
            assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/login"), page);
        }
        assertEquals(200, api.send(null, "GET", "/login", null).statusCode());
    }

    @Test
    void aViewerSeesRunsButCannotLaunchCancelOrShare() throws Exception {
        String vera = account("vera");
        String id = launch(account("rita"), LONG_RUN);
        assertEquals(200, api.send(vera, "GET", "/api/runs", null).statusCode());
        assertEquals(200, api.send(vera, "GET", "/api/runs/" + id, null).statusCode());
        assertEquals(
                200,
                api.send(vera, "GET", "/api/runs/" + id + "/metrics.csv", null).statusCode());
        for (String[] call : List.of(
                new String[] {"/api/runs", SHORT_RUN},
                new String[] {"/api/runs/" + id + "/cancel", ""},
                new String[] {"/api/runs/" + id + "/share", ""})) {
            HttpResponse<String> r = api.send(vera, "POST", call[0], call[1]);
            assertEquals(403, r.statusCode(), call[0]);
            assertTrue(r.body().contains("errors"), r.body());
        }
        cancel(account("rita"), id);
    }

    @Test
    void aResearcherCancelsTheirOwnRunsOnlyAndAnAdminCancelsAny() throws Exception {
        String rita = account("rita");
        String remy = account("remy");
        String ritas = launch(rita, LONG_RUN);
        String remys = launch(remy, LONG_RUN);
        assertEquals("rita", api.get(rita, "/api/runs/" + ritas).get("owner").asText());
        assertEquals("remy", api.get(rita, "/api/runs/" + remys).get("owner").asText());

        HttpResponse<String> denied = api.send(remy, "POST", "/api/runs/" + ritas + "/cancel", "");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("only its owner or an admin"), denied.body());
        assertEquals(
                403, api.send(remy, "POST", "/api/runs/" + ritas + "/share", "").statusCode());
        cancel(rita, ritas);
        cancel(account("ada"), remys);
        assertEquals(
                201, api.send(account("ada"), "POST", "/api/runs", SHORT_RUN).statusCode(), "admins launch too");
    }

    @Test
    void aShareLinkOpensTheRunWithoutAnAccountUntilRevoked() throws Exception {
        String rita = account("rita");
        String id = launch(rita, SHORT_RUN);
        waitFor(rita, "/api/runs/" + id, "SUCCEEDED");
        HttpResponse<String> shared = api.send(rita, "POST", "/api/runs/" + id + "/share", "");
        assertEquals(201, shared.statusCode(), shared.body());
        String url = api.readTree(shared.body()).get("url").asText();
        assertEquals(
                url,
                URI.create(shared.headers().firstValue("Location").orElseThrow())
                        .getPath());
        assertTrue(url.matches("/s/[A-Za-z0-9_-]{32}"), url);
        assertEquals(24, Base64.getUrlDecoder().decode(url.substring(3)).length, "192 random bits");
        String token = url.substring(3);

        String accountCsv =
                api.send(rita, "GET", "/api/runs/" + id + "/metrics.csv", null).body();
        HttpResponse<String> csv = api.send(null, "GET", url + "/metrics.csv", null);
        assertEquals(200, csv.statusCode());
        assertEquals(accountCsv, csv.body(), "the shared CSV is the run's CSV");
        assertTrue(csv.body().startsWith("series,step,value\r\n") && csv.body().contains("x,4,4"), csv.body());
        assertEquals(
                200, api.send(null, "GET", url + "/matrices/M.csv?step=4", null).statusCode());
        assertEquals(200, api.send(null, "GET", url + "/matrices/M.png", null).statusCode());
        assertEquals(200, api.send(null, "GET", url, null).statusCode(), "the run page, anonymously");
        assertEquals(401, api.send(null, "GET", "/api/runs/" + id, null).statusCode(), "the token opens only /s/…");

        assertEquals(
                403,
                api.send(account("vera"), "DELETE", "/api/shares/" + token, null)
                        .statusCode());
        assertEquals(
                403,
                api.send(account("remy"), "DELETE", "/api/shares/" + token, null)
                        .statusCode());
        assertEquals(204, api.send(rita, "DELETE", "/api/shares/" + token, null).statusCode());
        assertAnswersLikeAnUnknownLink(url, "/metrics.csv", id);
        assertAnswersLikeAnUnknownLink(url, "", id);
        assertEquals(404, api.send(null, "GET", "/s/not-a-token", null).statusCode());
        assertEquals(404, api.send(rita, "DELETE", "/api/shares/" + token, null).statusCode(), "already revoked");

        String again = api.readTree(api.send(account("ada"), "POST", "/api/runs/" + id + "/share", "")
                        .body())
                .get("url")
                .asText();
        assertFalse(again.equals(url), "every link is new");
        assertEquals(200, api.send(null, "GET", again + "/metrics.csv", null).statusCode(), "admins share any run");
    }

    @Test
    void aStudyShareLinkOpensTheStudyAndItsTableWithoutAnAccountUntilRevoked() throws Exception {
        String rita = account("rita");
        HttpResponse<String> launched = api.send(rita, "POST", "/api/studies", SHORT_STUDY);
        assertEquals(201, launched.statusCode(), launched.body());
        String id = api.readTree(launched.body()).get("id").asText();
        waitFor(rita, "/api/studies/" + id, "SUCCEEDED");

        HttpResponse<String> viewer = api.send(account("vera"), "POST", "/api/studies/" + id + "/share", "");
        assertEquals(403, viewer.statusCode());
        assertTrue(viewer.body().contains("errors"), viewer.body());
        assertEquals(
                404,
                api.send(rita, "POST", "/api/studies/nosuchstudy/share", "").statusCode());
        assertEquals("rita", api.get(rita, "/api/studies/" + id).get("owner").asText());
        HttpResponse<String> notOwner = api.send(account("remy"), "POST", "/api/studies/" + id + "/share", "");
        assertEquals(403, notOwner.statusCode());
        assertTrue(notOwner.body().contains("only its owner or an admin"), notOwner.body());
        HttpResponse<String> shared = api.send(rita, "POST", "/api/studies/" + id + "/share", "");
        assertEquals(201, shared.statusCode(), shared.body());
        String url = api.readTree(shared.body()).get("url").asText();
        assertEquals(
                url,
                URI.create(shared.headers().firstValue("Location").orElseThrow())
                        .getPath());
        assertTrue(url.matches("/s/[A-Za-z0-9_-]{32}"), url);
        String token = url.substring(3);

        for (String query : List.of("", "?pivot=steps&keys=x,y")) {
            String accountCsv = api.send(rita, "GET", "/api/studies/" + id + "/table.csv" + query, null)
                    .body();
            HttpResponse<String> csv = api.send(null, "GET", url + "/table.csv" + query, null);
            assertEquals(200, csv.statusCode(), query);
            assertEquals(accountCsv, csv.body(), "the shared CSV is the study's CSV " + query);
        }
        assertTrue(api.send(null, "GET", url + "/table.csv", null).body().startsWith("steps,"), "one row per setting");
        assertEquals(
                400,
                api.send(null, "GET", url + "/table.csv?pivot=colour", null).statusCode());
        assertEquals(200, api.send(null, "GET", url, null).statusCode(), "the study page, anonymously");
        assertEquals(401, api.send(null, "GET", "/api/studies/" + id, null).statusCode(), "the token opens only /s/…");
        assertEquals(
                404, api.send(null, "GET", url + "/metrics.csv", null).statusCode(), "a study token is no run token");

        assertEquals(
                403,
                api.send(account("vera"), "DELETE", "/api/shares/" + token, null)
                        .statusCode());
        assertEquals(
                403,
                api.send(account("remy"), "DELETE", "/api/shares/" + token, null)
                        .statusCode());
        assertEquals(204, api.send(rita, "DELETE", "/api/shares/" + token, null).statusCode());
        assertAnswersLikeAnUnknownLink(url, "/table.csv", id);
        assertAnswersLikeAnUnknownLink(url, "", id);
        assertEquals(
                201,
                api.send(account("ada"), "POST", "/api/studies/" + id + "/share", "")
                        .statusCode(),
                "admins share any study");
    }

    @Test
    void aResearcherCancelsTheirOwnStudiesOnlyAndAnAdminCancelsAny() throws Exception {
        String rita = account("rita");
        String remy = account("remy");
        String ritas = api.readTree(
                        api.send(rita, "POST", "/api/studies", LONG_STUDY).body())
                .get("id")
                .asText();
        String remys = api.readTree(
                        api.send(remy, "POST", "/api/studies", LONG_STUDY).body())
                .get("id")
                .asText();
        HttpResponse<String> denied = api.send(remy, "POST", "/api/studies/" + ritas + "/cancel", "");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("only its owner or an admin"), denied.body());
        assertEquals(
                403,
                api.send(account("vera"), "POST", "/api/studies/" + ritas + "/cancel", "")
                        .statusCode());
        assertEquals(
                200,
                api.send(rita, "POST", "/api/studies/" + ritas + "/cancel", "").statusCode());
        assertEquals(
                200,
                api.send(account("ada"), "POST", "/api/studies/" + remys + "/cancel", "")
                        .statusCode());
        waitFor(rita, "/api/studies/" + ritas, "CANCELLED");
        waitFor(rita, "/api/studies/" + remys, "CANCELLED");
    }

    @Test
    void runIdsCarry80RandomBits() throws Exception {
        String id = launch(account("rita"), SHORT_RUN);
        assertTrue(id.matches("[a-km-np-z2-9]{16}"), id);
    }

    /**
     * The revoked link {@code url} + {@code suffix} answers 404 exactly as a link that never existed, naming nothing.
     */
    private void assertAnswersLikeAnUnknownLink(String url, String suffix, String id) throws Exception {
        HttpResponse<String> revoked = api.send(null, "GET", url + suffix, null);
        HttpResponse<String> unknown = api.send(null, "GET", "/s/" + "A".repeat(32) + suffix, null);
        assertEquals(404, revoked.statusCode(), url + suffix);
        assertEquals(404, unknown.statusCode(), suffix);
        assertEquals(unknown.body(), revoked.body(), "a revoked link says no more than an unknown one");
        assertFalse(revoked.body().contains(id), revoked.body());
    }

    /** A test account by name (checked against the list). */
    private static String account(String name) {
        if (java.util.Arrays.stream(TestAccounts.ALL).noneMatch(a -> a[0].equals(name))) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }

    private String launch(String account, String body) throws Exception {
        return api.create(account, "/api/runs", body);
    }

    private void cancel(String account, String id) throws Exception {
        HttpResponse<String> r = api.send(account, "POST", "/api/runs/" + id + "/cancel", "");
        assertEquals(200, r.statusCode(), r.body());
        waitFor(account, "/api/runs/" + id, "CANCELLED");
    }

    /** Polls a run or study ({@code /api/runs/{id}}, {@code /api/studies/{id}}) until it has {@code status}. */
    private void waitFor(String account, String path, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode target;
        do {
            target = api.get(account, path);
            if (target.get("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " did not reach " + status + ": " + target);
    }
}
