package org.factlab.access;

import static org.factlab.runs.TestKindsConfig.SHORT_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.factlab.runs.AccountsClient;
import org.factlab.testing.LabIntegrationTest;
import org.factlab.web.MultipartUpload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login on: editing and deleting a run or a study is for its owner or an admin (as cancel and share), relaunching for
 * whoever may launch; anonymous callers get 401, also for unknown API paths.
 */
@LabIntegrationTest(properties = {"factlab.auth.enabled=true", LabIntegrationTest.OWN_DATASETS})
class RunManagementAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountsClient api;

    @Test
    void onlyTheOwnerOrAnAdminEditsOrDeletesARun() throws Exception {
        String id = api.create("rita", "/api/runs", SHORT_RUN);
        String rename = "{\"name\":\"mine\"}";
        for (String other : new String[] {"vera", "remy"}) {
            HttpResponse<String> patch = api.send(other, "PATCH", "/api/runs/" + id, rename);
            assertEquals(403, patch.statusCode(), other);
            assertTrue(patch.body().contains("only its owner or an admin"), patch.body());
            assertEquals(403, api.send(other, "DELETE", "/api/runs/" + id, null).statusCode(), other);
        }
        assertEquals(401, api.send(null, "PATCH", "/api/runs/" + id, rename).statusCode());
        assertEquals(401, api.send(null, "DELETE", "/api/runs/" + id, null).statusCode());
        assertEquals(200, api.send("rita", "PATCH", "/api/runs/" + id, rename).statusCode());
        assertEquals(
                200,
                api.send("ada", "PATCH", "/api/runs/" + id, "{\"tags\":[\"checked\"]}")
                        .statusCode());
        assertEquals("mine", api.get("vera", "/api/runs/" + id).get("name").asText());
        assertEquals(204, api.send("ada", "DELETE", "/api/runs/" + id, null).statusCode(), "an admin deletes any run");
        assertEquals(404, api.send("rita", "GET", "/api/runs/" + id, null).statusCode());

        String own = api.create("remy", "/api/runs", SHORT_RUN);
        assertEquals(204, api.send("remy", "DELETE", "/api/runs/" + own, null).statusCode(), "the owner deletes it");
    }

    @Test
    void whoeverMayLaunchRelaunchesAndOwnsTheNewRun() throws Exception {
        String id = api.create("rita", "/api/runs", SHORT_RUN);
        assertEquals(
                403,
                api.send("vera", "POST", "/api/runs/" + id + "/relaunch", "").statusCode(),
                "viewers launch nothing");
        assertEquals(
                401, api.send(null, "POST", "/api/runs/" + id + "/relaunch", "").statusCode());
        HttpResponse<String> again =
                api.send("remy", "POST", "/api/runs/" + id + "/relaunch", "{\"spec\":{\"steps\":3}}");
        assertEquals(201, again.statusCode(), again.body());
        JsonNode copy = api.get(
                "remy", "/api/runs/" + api.readTree(again.body()).get("id").asText());
        assertEquals("remy", copy.get("owner").asText(), "the relaunched run is the launcher's");
        assertEquals(3, copy.get("spec").get("steps").asInt());
    }

    @Test
    void onlyTheOwnerOrAnAdminRenamesOrDeletesAStudy() throws Exception {
        String id = api.create("rita", "/api/studies", "{\"kind\":\"test-scripted\",\"sweep\":{\"steps\":[3,4]}}");
        for (String other : new String[] {"vera", "remy"}) {
            assertEquals(
                    403,
                    api.send(other, "PATCH", "/api/studies/" + id, "{\"name\":\"x\"}")
                            .statusCode(),
                    other);
            assertEquals(
                    403, api.send(other, "DELETE", "/api/studies/" + id, null).statusCode(), other);
        }
        assertEquals(
                200,
                api.send("rita", "PATCH", "/api/studies/" + id, "{\"name\":\"rita's sweep\"}")
                        .statusCode());
        assertEquals(
                "rita's sweep",
                api.get("vera", "/api/studies/" + id).get("name").asText());
        JsonNode runIds = api.get("rita", "/api/studies/" + id).get("runIds");
        assertEquals(204, api.send("ada", "DELETE", "/api/studies/" + id, null).statusCode());
        assertEquals(404, api.send("rita", "GET", "/api/studies/" + id, null).statusCode());
        for (JsonNode run : runIds) {
            assertEquals(
                    404,
                    api.send("rita", "GET", "/api/runs/" + run.asText(), null).statusCode());
        }
    }

    @Test
    void unknownApiPathsNeedAnAccountToo() throws Exception {
        assertEquals(401, api.send(null, "POST", "/api/no-such-call", "{}").statusCode());
        HttpResponse<String> signedIn = api.send("vera", "GET", "/api/no-such-call", null);
        assertEquals(404, signedIn.statusCode());
        assertTrue(signedIn.body().contains("no API call at /api/no-such-call"), signedIn.body());
    }

    /** Uploading models and tables needs a researcher; deleting one, its uploader or an admin. */
    @Test
    void onlyResearchersUploadAndOnlyTheUploaderOrAnAdminDeletes() throws Exception {
        assertEquals(401, upload(null, "/api/models", "mse-tanh.safetensors").statusCode());
        assertEquals(403, upload("vera", "/api/models", "mse-tanh.safetensors").statusCode(), "viewers upload nothing");
        HttpResponse<String> model = upload("rita", "/api/models", "mse-tanh.safetensors");
        assertEquals(201, model.statusCode(), model.body());
        JsonNode m = api.readTree(model.body());
        assertEquals("rita", m.get("owner").asText());
        String path = "/api/models/" + m.get("id").asText();
        assertEquals("rita", api.get("vera", path).get("owner").asText(), "viewers see the models");
        assertEquals(403, api.send("remy", "DELETE", path, null).statusCode());
        assertEquals(403, api.send("vera", "DELETE", path, null).statusCode());
        assertEquals(204, api.send("ada", "DELETE", path, null).statusCode(), "an admin deletes any upload");
        HttpResponse<String> table = upload("remy", "/api/datasets", "train.csv");
        assertEquals(201, table.statusCode(), table.body());
        String own = "/api/datasets/" + api.readTree(table.body()).get("id").asText();
        assertEquals(403, api.send("rita", "DELETE", own, null).statusCode());
        assertEquals(204, api.send("remy", "DELETE", own, null).statusCode(), "the uploader deletes it");
    }

    private HttpResponse<String> upload(String account, String path, String fixture) throws Exception {
        return api.send(
                account,
                MultipartUpload.post(
                        "http://localhost:" + port + path, fixture, MultipartUpload.fixture(fixture), null));
    }
}
