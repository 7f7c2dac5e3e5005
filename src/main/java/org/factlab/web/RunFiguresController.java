package org.factlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.factlab.access.ShareService;
import org.factlab.experiments.sections.ResultsTable;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.experiments.sections.ScatterFitSection;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.MetricPoint;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.web.figures.Figure;
import org.factlab.web.figures.ScatterFigures;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A run's scatter figures, drawn by the server ({@link ScatterFigures}) from the sections its kind declares: each
 * {@link ScatterFitSection} is a figure named by its id ({@code figure7}: τ against k′ of an RFM run) once its pairs
 * matrix is recorded; a {@link ResultsTableSection} gives {@code tabular-scatter} (per-dataset accuracies) once a
 * dataset has the accuracies it compares. {@code GET /api/runs/{id}/figures} lists those the run has with their
 * download URLs, without drawing them; {@code …/figures/{name}.svg} and {@code .png} (2×) draw one. The same under
 * a share link {@code /s/{token}/figures/…}.
 */
@RestController
class RunFiguresController {

    static final String TABULAR = "tabular-scatter";

    /** One downloadable figure: its name and the URLs of its SVG and PNG. */
    record FigureLinks(String name, String title, String svg, String png) {}

    private final RunService runs;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final ShareService shares;
    private final KindRegistry kinds;

    RunFiguresController(
            RunService runs,
            MetricRepository metrics,
            MatrixRepository matrices,
            ShareService shares,
            KindRegistry kinds) {
        this.runs = runs;
        this.metrics = metrics;
        this.matrices = matrices;
        this.shares = shares;
        this.kinds = kinds;
    }

    @GetMapping("/api/runs/{id}/figures")
    List<FigureLinks> list(@PathVariable String id) {
        Run run = find(id);
        List<MatrixSnapshot.Info> recorded = matrices.list(id);
        List<FigureLinks> out = new ArrayList<>();
        for (ScatterFitSection s : kinds.sections(run.kind(), ScatterFitSection.class)) {
            if (recorded.stream().anyMatch(m -> m.name().equals(s.pairsMatrix()) && m.cols() == 2 && m.rows() > 0)) {
                out.add(links(id, s.id(), s.title() + " · run " + id));
            }
        }
        for (ResultsTableSection s : kinds.sections(run.kind(), ResultsTableSection.class)) {
            if (hasScatterPoints(results(run, s))) {
                out.add(links(id, TABULAR, ScatterFigures.resultsScatterTitle(s, id)));
            }
        }
        return out;
    }

    @GetMapping("/api/runs/{id}/figures/{file}")
    ResponseEntity<?> download(@PathVariable String id, @PathVariable String file) {
        return download(find(id), file);
    }

    @GetMapping("/s/{token}/figures/{file}")
    ResponseEntity<?> sharedDownload(@PathVariable String token, @PathVariable String file) {
        return download(shares.sharedRun(token).orElseThrow(ExportController::notShared), file);
    }

    private static FigureLinks links(String id, String name, String title) {
        String base = "/api/runs/" + id + "/figures/" + name;
        return new FigureLinks(name, title, base + ".svg", base + ".png");
    }

    private ResponseEntity<?> download(Run run, String file) {
        boolean svg = file.endsWith(".svg");
        if (!svg && !file.endsWith(".png")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "figure downloads end in .svg or .png: " + file);
        }
        String name = file.substring(0, file.length() - 4);
        Figure figure = figure(run, name)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "run " + run.id() + " has no figure " + name + "; its figures: "
                                + list(run.id()).stream().map(FigureLinks::name).toList()));
        return ExportController.figure(figure, svg, "factlab-" + run.id() + "-" + name);
    }

    /** The named figure of the run, when its kind declares it and the run has the data for it. */
    private Optional<Figure> figure(Run run, String name) {
        Map<String, Double> summary = run.summary() == null ? Map.of() : run.summary();
        Optional<ScatterFitSection> scatter = kinds.sections(run.kind(), ScatterFitSection.class).stream()
                .filter(s -> s.id().equals(name))
                .findFirst();
        if (scatter.isPresent()) {
            ScatterFitSection s = scatter.get();
            return matrices.find(run.id(), s.pairsMatrix(), null)
                    .filter(m -> m.cols() == 2 && m.rows() > 0)
                    .map(m -> ScatterFigures.scatterFit(
                            run.id(),
                            s,
                            m.rows(),
                            m.data(),
                            summary.getOrDefault(s.slopeKey(), Double.NaN),
                            summary.getOrDefault(s.r2Key(), Double.NaN)));
        }
        if (TABULAR.equals(name)) {
            return kinds.sections(run.kind(), ResultsTableSection.class).stream()
                    .map(s -> results(run, s))
                    .filter(RunFiguresController::hasScatterPoints)
                    .findFirst()
                    .map(r -> ScatterFigures.resultsScatter(run.id(), r));
        }
        return Optional.empty();
    }

    private ResultsTable results(Run run, ResultsTableSection section) {
        Map<String, TreeMap<Long, Double>> series = MetricPoint.bySeries(metrics.points(run.id()));
        return ResultsTable.of(section, series, run.summary() == null ? Map.of() : run.summary(), runs.notes(run.id()));
    }

    private static boolean hasScatterPoints(ResultsTable results) {
        return results.section().scatter().y().stream()
                .anyMatch(m -> !results.scatterPoints(m).isEmpty());
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }
}
