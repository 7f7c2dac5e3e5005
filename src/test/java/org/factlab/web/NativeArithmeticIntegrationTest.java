package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.factlab.experiments.NativeSelfCheck;
import org.factlab.math.CorruptedDecompositions;
import org.factlab.math.CorruptedDecompositions.Routine;
import org.factlab.math.Decompositions;
import org.factlab.math.NativeLinearAlgebra;
import org.factlab.runs.ApiClient;
import org.factlab.testing.LabIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Wrong native arithmetic never reaches a run's numbers: {@code /api/system} reports the BLAS library, its kernel set
 * and the self-check; with a fake gateway that corrupts a decomposition, a run that meets it ends FAILED naming the
 * routine (an MLP probe's dsyevd, a parity RFM's Cholesky solve), and once the self-check has seen the corruption,
 * runs of kinds that use native linear algebra are refused with 503 while plain-Java kinds still run.
 */
@LabIntegrationTest
class NativeArithmeticIntegrationTest {

    @Autowired
    ApiClient api;

    private Decompositions previous;

    @BeforeEach
    void selfCheckDone() {
        NativeSelfCheck.report();
    }

    @AfterEach
    void restore() {
        if (previous != null) {
            NativeLinearAlgebra.use(previous);
            previous = null;
        }
        assertTrue(NativeSelfCheck.rerun().passed(), "the real gateway passes again");
    }

    @Test
    void systemReportsTheLibraryItsKernelsAndThePassedSelfCheck() throws Exception {
        JsonNode system = api.json("/api/system");
        JsonNode blas = system.get("blas");
        assertEquals("OpenBLAS", blas.get("library").asText());
        assertEquals("0.3.31", blas.get("version").asText());
        assertFalse(blas.get("kernels").asText().isBlank());
        assertNotEquals("unknown", blas.get("kernels").asText(), blas.toString());
        assertEquals(
                System.getenv("OPENBLAS_CORETYPE") == null ? null : System.getenv("OPENBLAS_CORETYPE"),
                blas.get("coretype").isNull() ? null : blas.get("coretype").asText());
        JsonNode check = system.get("selfCheck");
        assertEquals("passed", check.get("status").asText(), check.toString());
        assertEquals(0, check.get("failures").size());
        assertTrue(check.get("checks").asInt() >= 40, check.toString());
    }

    @Test
    void aCorruptedEigendecompositionEndsTheMlpRunFailedNamingDsyevd() throws Exception {
        previous = CorruptedDecompositions.install(Routine.EIGEN);
        String id = api.launch("{\"kind\":\"mlp\",\"preset\":\"quick\"}");
        JsonNode run = api.awaitStatus(id, "FAILED");
        assertTrue(
                run.get("error").asText().contains("dsyevd"), run.get("error").asText());
        assertTrue(
                run.get("error").asText().contains("OPENBLAS_CORETYPE"),
                run.get("error").asText());
    }

    @Test
    void aCorruptedKernelSolveEndsTheParityRunFailedNamingTheSolve() throws Exception {
        previous = CorruptedDecompositions.install(Routine.SOLVES);
        String id = api.launch("{\"kind\":\"parity\",\"preset\":\"quick\"}");
        JsonNode run = api.awaitStatus(id, "FAILED");
        assertTrue(
                run.get("error").asText().matches("(?s).*\\b[ds](posv|sysv)\\b.*"),
                run.get("error").asText());
    }

    @Test
    void afterAFailedSelfCheckNativeKindsAreRefusedWith503AndPlainJavaKindsStillRun() throws Exception {
        previous = CorruptedDecompositions.install(Routine.EIGEN, Routine.SVD);
        assertFalse(NativeSelfCheck.rerun().passed());
        HttpResponse<String> refused = api.post("/api/runs", "{\"kind\":\"mlp\",\"preset\":\"quick\"}");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("dsyevd") && refused.body().contains("OPENBLAS_CORETYPE"), refused.body());
        JsonNode check = api.json("/api/system").get("selfCheck");
        assertEquals("failed", check.get("status").asText());
        assertTrue(check.get("failures").toString().contains("dgesdd"), check.toString());
        String plain = api.launch("{\"kind\":\"quadratic\",\"preset\":\"quick\"}");
        api.awaitStatus(plain, "SUCCEEDED");
    }
}
