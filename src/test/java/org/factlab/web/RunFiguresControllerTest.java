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
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.ScatterFitSection;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A run's figures come from the sections its kind declares: a kind nobody in {@code web} knows, with a scatter-fit
 * section under names of its own, gets its figure listed and drawn under the section's id (the run page's link).
 */
class RunFiguresControllerTest {

    private static final ScatterFitSection SCATTER = new ScatterFitSection(
            "growth",
            "Height against age",
            "One point per child.",
            "children/pairs",
            Axis.linear("age").withOrigin(),
            Axis.linear("height").withOrigin(),
            "children/slope",
            "children/r2",
            "children/pearson");

    private final RunService runs = mock(RunService.class);
    private final MatrixRepository matrices = mock(MatrixRepository.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RunFiguresController(
                    runs,
                    mock(MetricRepository.class),
                    matrices,
                    mock(ShareService.class),
                    new KindRegistry(List.of(new ScatterKind()))))
            .build();

    @Test
    void aNewKindsScatterFitSectionIsListedAndDrawnUnderItsId() throws Exception {
        Run run = new Run(
                "r1",
                "t",
                ScatterKind.ID,
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
                Map.of("children/slope", 2.0, "children/r2", 0.9),
                0,
                0,
                null,
                List.of(),
                null);
        when(runs.find("r1")).thenReturn(Optional.of(run));
        float[] pairs = {1, 2.1f, 2, 3.9f, 3, 6.2f};
        when(matrices.list("r1")).thenReturn(List.of(new MatrixSnapshot.Info("children/pairs", 0, 3, 2, 1, 6.2f)));
        when(matrices.find("r1", "children/pairs", null))
                .thenReturn(Optional.of(new MatrixSnapshot("children/pairs", 0, 3, 2, 1, 6.2f, pairs)));

        String listed = mvc.perform(get("/api/runs/r1/figures"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertTrue(
                listed.contains("\"name\":\"growth\"") && listed.contains("/api/runs/r1/figures/growth.svg"), listed);
        String svg = mvc.perform(get("/api/runs/r1/figures/growth.svg"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String points = svg.substring(svg.indexOf("<g id=\"points\">"));
        points = points.substring(0, points.indexOf("</g>"));
        assertEquals(3, points.split("<circle", -1).length - 1, "a dot per pair");
        assertTrue(svg.contains("Height against age · run r1") && svg.contains("fit height = 2·age"), svg);
        mvc.perform(get("/api/runs/r1/figures/figure7.svg")).andExpect(status().isNotFound());
    }

    /** A kind of this test's own: one scatter-fit section, nothing else. */
    private static final class ScatterKind implements ExperimentKind<ScatterKind.Spec> {

        static final String ID = "test-growth";

        record Spec(int children) {}

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String title() {
            return "Growth";
        }

        @Override
        public String description() {
            return "Heights of children against their ages.";
        }

        @Override
        public Class<Spec> specType() {
            return Spec.class;
        }

        @Override
        public Spec defaultSpec() {
            return new Spec(3);
        }

        @Override
        public List<Preset<Spec>> presets() {
            return List.of();
        }

        @Override
        public List<Section> sections() {
            return List.of(SCATTER);
        }

        @Override
        public void run(Spec spec, RunContext ctx) {
            // the test stores the run's matrix itself
        }
    }
}
