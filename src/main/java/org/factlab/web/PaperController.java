package org.factlab.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.paper.PaperFigure;
import org.factlab.experiments.paper.PaperRow;
import org.factlab.experiments.paper.Verdict;
import org.factlab.paperresults.PaperResults;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/paper}: every figure and table of the paper the lab reproduces, with the paper's printed values,
 * the lab's references and the latest result beside them (what the {@code /paper} page shows).
 */
@RestController
class PaperController {

    record FigureJson(
            String id,
            String title,
            String caption,
            String kind,
            String preset,
            String studyPreset,
            Double cpuSeconds,
            boolean gpuScale,
            List<PaperRow> values,
            LatestJson latest,
            String reason) {}

    /** {@code runId} or {@code studyId} (absent before the first result), its values and the badge. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LatestJson(String runId, String studyId, Map<String, Double> values, String verdict) {}

    private final PaperResults results;

    PaperController(PaperResults results) {
        this.results = results;
    }

    @GetMapping("/api/paper")
    List<FigureJson> paper() {
        return results.figures().stream().map(this::json).toList();
    }

    private FigureJson json(PaperFigure f) {
        LatestJson latest = results.latest(f)
                .map(l -> new LatestJson(
                        l.runId(), l.studyId(), l.values(), l.verdict().label()))
                .orElse(new LatestJson(null, null, Map.of(), Verdict.NOT_RUN_YET.label()));
        return new FigureJson(
                f.id(),
                f.title(),
                f.caption(),
                f.kind(),
                f.preset(),
                f.studyPreset(),
                f.cpuSeconds(),
                f.gpuScale(),
                f.values(),
                latest,
                f.reason());
    }
}
