package org.factlab.web;

import static org.factlab.runs.TestKindsConfig.LONG_RUN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.factlab.runs.ApiClient;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A run that passes {@code factlab.quota.max-run-time} (3 s here) ends CANCELLED with the reason. */
@LabIntegrationTest(properties = "factlab.quota.max-run-time=3s")
class RunTimeLimitTest {

    @Autowired
    ApiClient api;

    @Test
    void aRunPastTheLongestRunTimeEndsCancelledWithTheReason() throws Exception {
        String id = api.launch(LONG_RUN);
        JsonNode run = api.awaitStatus(id, "CANCELLED");
        assertTrue(run.get("error").asText().contains("factlab.quota.max-run-time"), run.toString());
    }
}
