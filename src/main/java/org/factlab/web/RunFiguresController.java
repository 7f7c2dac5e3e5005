package org.factlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.factlab.access.ShareService;
import org.factlab.experiments.rfm.RfmSeries;
import org.factlab.experiments.tabular.TabularResults;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MatrixRepository;
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
 * A run's scatter figures for a paper, drawn by the server ({@link ScatterFigures}): {@code GET
 * /api/runs/{id}/figures} lists those the run has ({@code figure7}: τ against k′ of an RFM run that recorded its
 * {@code tau_kprime_pairs}; {@code tabular-scatter}: a tabular run's per-dataset accuracies) with their download
 * URLs; {@code …/figures/{name}.svg} and {@code .png} (2×) draw one. The same under a share link
 * {@code /s/{token}/figures/…}.
 */
@RestController
class RunFiguresController {

    static final String FIGURE7 = "figure7";
    static final String TABULAR = "tabular-scatter";
    private static final String PAIRS = RfmSeries.MATRIX_TAU_PAIRS;

    /** One downloadable figure: its name and the URLs of its SVG and PNG. */
    record FigureLinks(String name, String title, String svg, String png) {
    }

    private final RunService runs;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final ShareService shares;
    private final KindRegistry kinds;

    RunFiguresController(RunService runs, MetricRepository metrics, MatrixRepository matrices, ShareService shares,
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
        List<FigureLinks> out = new ArrayList<>();
        for (String name : List.of(FIGURE7, TABULAR)) {
            figure(run, name).ifPresent(f -> out.add(new FigureLinks(name, f.title(),
                    "/api/runs/" + id + "/figures/" + name + ".svg", "/api/runs/" + id + "/figures/" + name + ".png")));
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

    private ResponseEntity<?> download(Run run, String file) {
        boolean svg = file.endsWith(".svg");
        if (!svg && !file.endsWith(".png")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "figure downloads end in .svg or .png: " + file);
        }
        String name = file.substring(0, file.length() - 4);
        Figure figure = figure(run, name).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "run " + run.id() + " has no figure " + name + "; figures: " + FIGURE7 + " (RFM runs "
                + "that recorded " + PAIRS + "), " + TABULAR + " (tabular runs)"));
        return ExportController.figure(figure, svg, "factlab-" + run.id() + "-" + name);
    }

    /** The named figure of the run, when it has the data for it. */
    private Optional<Figure> figure(Run run, String name) {
        Map<String, Double> summary = run.summary() == null ? Map.of() : run.summary();
        if (FIGURE7.equals(name)) {
            return matrices.find(run.id(), PAIRS, null).filter(m -> m.cols() == 2 && m.rows() > 0)
                    .map(m -> ScatterFigures.figure7(run.id(), m.rows(), m.data(),
                            summary.getOrDefault(RfmSeries.TAU_SLOPE, Double.NaN),
                            summary.getOrDefault(RfmSeries.TAU_R2, Double.NaN)));
        }
        if (TABULAR.equals(name)) {
            if (!TabularController.declaresResultsTable(kinds, run)) {
                return Optional.empty();
            }
            Map<String, TreeMap<Long, Double>> series = MetricPoint.bySeries(metrics.points(run.id()));
            Figure f = ScatterFigures.tabular(run.id(), TabularResults.of(series, summary,
                    runs.notes(run.id())));
            return ScatterFigures.hasPoints(f) ? Optional.of(f) : Optional.empty();
        }
        return Optional.empty();
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }
}
