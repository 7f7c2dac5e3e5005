package org.factlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.access.ShareService;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MetricPoint;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code GET /api/runs/{id}/tabular.csv}: one RFC 4180 row per dataset, failures with reasons, a mean row. */
class TabularControllerTest {

    private final RunService runs = mock(RunService.class);
    private final MetricRepository metrics = mock(MetricRepository.class);
    private final ShareService shares = mock(ShareService.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    new TabularController(runs, metrics, shares, new KindRegistry(List.of())))
            .build();

    @Test
    void tableWithBestMethodsFailuresAndMeanRow() throws Exception {
        when(runs.find("r1")).thenReturn(Optional.of(run("r1", Map.of("seconds/iris", 1.5))));
        when(runs.notes("r1")).thenReturn(List.of("dataset/glass/fact: fold 2 of 4: K + reg·I is singular"));
        when(metrics.points("r1"))
                .thenReturn(List.of(
                        new MetricPoint("dataset/iris/rows", 0, 150), new MetricPoint("dataset/iris/features", 0, 4),
                        new MetricPoint("dataset/iris/classes", 0, 3),
                                new MetricPoint("dataset/iris/majority_accuracy", 0, 0.25),
                        new MetricPoint("dataset/iris/nfa/test_accuracy", 0, 0.9),
                                new MetricPoint("dataset/iris/nfa/reg", 0, 1),
                        new MetricPoint("dataset/iris/nfa/reg", 1, 0.1),
                                new MetricPoint("dataset/iris/nfa/iterations", 0, 2),
                        new MetricPoint("dataset/iris/nfa/iterations", 1, 0),
                                new MetricPoint("dataset/iris/fact/test_accuracy", 0, 0.95),
                        new MetricPoint("dataset/glass/nfa/test_accuracy", 0, 0.7),
                                new MetricPoint("dataset/glass/fact/failed", 0, 1)));
        String csv = mvc.perform(get("/api/runs/r1/tabular.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertEquals(
                String.join(
                        "\r\n",
                        "dataset,rows,features,classes,majority_accuracy,seconds,nfa,fact,best,nfa_reg,fact_reg,"
                                + "nfa_iterations,fact_iterations,failure",
                        "glass,,,,,,0.7,,nfa,,,,,fact: fold 2 of 4: K + reg·I is singular",
                        "iris,150,4,3,0.25,1.5,0.9,0.95,fact,1;0.1,,2;0,,",
                        "mean,,,,,,0.9,0.95,over 1 datasets where every method succeeded,,,,,",
                        ""),
                csv);
    }

    @Test
    void runsOfOtherKindsHaveNoTable() throws Exception {
        when(runs.find("r2")).thenReturn(Optional.of(run("r2", "mlp", Map.of())));
        when(metrics.points("r2")).thenReturn(List.of(new MetricPoint("test/accuracy", 0, 1)));
        mvc.perform(get("/api/runs/r2/tabular.csv")).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/nope/tabular.csv")).andExpect(status().isNotFound());
    }

    @Test
    void aShareLinkGivesTheSameTableAndAnUnknownTokenNothing() throws Exception {
        Run run = run("r3", Map.of());
        when(runs.find("r3")).thenReturn(Optional.of(run));
        when(shares.sharedRun("tok")).thenReturn(Optional.of(run));
        when(shares.sharedRun("nope")).thenReturn(Optional.empty());
        when(metrics.points("r3")).thenReturn(List.of(new MetricPoint("dataset/iris/nfa/test_accuracy", 0, 0.9)));
        String direct = mvc.perform(get("/api/runs/r3/tabular.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String shared = mvc.perform(get("/s/tok/tabular.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertTrue(direct.contains("iris,"), direct);
        assertEquals(direct, shared);
        mvc.perform(get("/s/nope/tabular.csv")).andExpect(status().isNotFound());
    }

    private static Run run(String id, Map<String, Double> summary) {
        return run(id, "tabular", summary);
    }

    private static Run run(String id, String kind, Map<String, Double> summary) {
        return new Run(
                id,
                "t",
                kind,
                null,
                Map.of(),
                0,
                RunStatus.SUCCEEDED,
                null,
                Instant.now(),
                null,
                null,
                null,
                null,
                summary,
                0,
                0,
                null,
                java.util.List.of(),
                null);
    }
}
