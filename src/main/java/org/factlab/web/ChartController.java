package org.factlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.factlab.access.ShareService;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.paper.ChartGroups;
import org.factlab.experiments.paper.PageOrder;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.compare.AxisRange;
import org.factlab.web.figures.Figure;
import org.factlab.web.figures.LineFigure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A run's charts as figures for a paper: {@code GET /api/runs/{id}/charts} lists the groups ({@link ChartGroups});
 * {@code …/charts/{group}.svg} and {@code .png} (2×) draw one with its title, axis names and a legend labelled as
 * the paper writes the series, up to {@code step} (all steps when omitted), on the page's default scale unless
 * {@code log} says otherwise; the y range its kind declares ({@link AxisRange}), whole-number step ticks. The
 * same under a share link {@code /s/{token}/charts/…}.
 */
@RestController
class ChartController {

    private final RunService runs;
    private final MetricRepository metrics;
    private final KindRegistry kinds;
    private final ShareService shares;

    ChartController(RunService runs, MetricRepository metrics, KindRegistry kinds, ShareService shares) {
        this.runs = runs;
        this.metrics = metrics;
        this.kinds = kinds;
        this.shares = shares;
    }

    @GetMapping("/api/runs/{id}/charts")
    List<String> groups(@PathVariable String id) {
        return List.copyOf(ChartGroups.all(series(find(id), Long.MAX_VALUE).keySet()));
    }

    @GetMapping("/api/runs/{id}/charts/{file}")
    ResponseEntity<?> chart(
            @PathVariable String id,
            @PathVariable String file,
            @RequestParam(required = false) Long step,
            @RequestParam(required = false) Boolean log) {
        return chart(find(id), file, step, log);
    }

    @GetMapping("/s/{token}/charts/{file}")
    ResponseEntity<?> sharedChart(
            @PathVariable String token,
            @PathVariable String file,
            @RequestParam(required = false) Long step,
            @RequestParam(required = false) Boolean log) {
        return chart(shares.sharedRun(token).orElseThrow(ExportController::notShared), file, step, log);
    }

    private ResponseEntity<?> chart(Run run, String file, Long step, Boolean log) {
        boolean svg = file.endsWith(".svg");
        if (!svg && !file.endsWith(".png")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "chart downloads end in .svg or .png: " + file);
        }
        String group = file.substring(0, file.length() - 4);
        Map<String, NavigableMap<Long, Double>> series = series(run, step == null ? Long.MAX_VALUE : step);
        List<String> members = ChartGroups.members(group, series.keySet());
        if (members.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "the run has no chart " + group + (step == null ? "" : " up to step " + step));
        }
        ExperimentKind<?> kind = kinds.find(run.kind()).orElse(null);
        List<LineFigure.Curve> curves = new ArrayList<>();
        long last = 0;
        for (String name : PageOrder.of(kind, members)) {
            NavigableMap<Long, Double> points = series.get(name);
            last = Math.max(last, points.lastKey());
            curves.add(new LineFigure.Curve(
                    SeriesLabels.legend(Optional.ofNullable(kind), name),
                    points.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
                    points.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        String title = ChartGroups.title(group) + " · run " + run.id() + " · step " + last;
        boolean logScale = log != null ? log : ChartGroups.logByDefault(group);
        double[] values = curves.stream()
                .flatMapToDouble(c -> java.util.Arrays.stream(c.y()))
                .filter(Double::isFinite)
                .toArray();
        double[] fixed = logScale
                ? null
                : AxisRange.fixed(
                        kind == null ? List.of() : kind.sections(),
                        members.get(0),
                        java.util.Arrays.stream(values).min().orElse(0),
                        java.util.Arrays.stream(values).max().orElse(0));
        LineFigure.Axes axes = LineFigure.Axes.steps(ChartGroups.yAxis(group), logScale, fixed);
        return ExportController.figure(
                new Figure(title, axes, curves), svg, "factlab-" + run.id() + "-" + group + "-step" + last);
    }

    /** Every series of the run up to {@code step}: name → (step → value). */
    private Map<String, NavigableMap<Long, Double>> series(Run run, long step) {
        Map<String, NavigableMap<Long, Double>> series = new TreeMap<>();
        metrics.points(run.id()).stream()
                .filter(p -> p.step() <= step)
                .forEach(p ->
                        series.computeIfAbsent(p.series(), k -> new TreeMap<>()).put(p.step(), p.value()));
        return series;
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }
}
