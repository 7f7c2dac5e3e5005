package org.factlab.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MetricPoint;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.compare.AxisRange;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.runs.compare.CurveBand;
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
 * A chart of the compare page as a figure for a paper: {@code GET /api/compare/chart.svg} (or {@code .png}, 2×)
 * {@code ?runs=a,b,c&series=fact/cosine&groupBy=spec&colour=tau&log=true} draws the series of every run overlaid,
 * grouped and coloured as on the page ({@link CompareGroups}): each group's mean curve labelled by the fields in
 * which the runs differ, its ± one standard deviation dashed in the same colour when it averages several runs.
 */
@RestController
class CompareFigureController {

    private static final int MAX_RUNS = 200;

    private final RunService runs;
    private final MetricRepository metrics;
    private final KindRegistry kinds;

    CompareFigureController(RunService runs, MetricRepository metrics, KindRegistry kinds) {
        this.runs = runs;
        this.metrics = metrics;
        this.kinds = kinds;
    }

    @GetMapping("/api/compare/{file}")
    ResponseEntity<?> chart(
            @PathVariable String file,
            @RequestParam String runs,
            @RequestParam String series,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String colour,
            @RequestParam(required = false) Boolean log) {
        boolean svg = "chart.svg".equals(file);
        if (!svg && !"chart.png".equals(file)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "compare figures are chart.svg and chart.png: " + file);
        }
        List<String> ids = Arrays.stream(runs.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (ids.isEmpty() || ids.size() > MAX_RUNS) {
            throw new SpecValidationException(
                    "runs", "must list 1 … " + MAX_RUNS + " run ids separated by commas, got " + ids.size());
        }
        List<Run> found = ids.stream()
                .map(id ->
                        this.runs.find(id).orElseThrow(() -> new SpecValidationException("runs", "has no run " + id)))
                .toList();
        String grouping = groupBy == null || groupBy.isBlank() ? CompareGroups.GROUP_SPEC : groupBy;
        String colourField = colour == null || colour.isBlank() ? null : colour;
        List<CompareGroups.Group> groups = CompareGroups.of(found, grouping, colourField);
        List<String> colours = CompareGroups.colours(groups, colourField);
        List<LineFigure.Curve> curves = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < groups.size(); i++) {
            List<NavigableMap<Long, Double>> members = new ArrayList<>();
            for (Run r : groups.get(i).runs()) {
                TreeMap<Long, Double> curve =
                        MetricPoint.bySeries(metrics.points(r.id())).get(series);
                if (curve != null && !curve.isEmpty()) {
                    members.add(curve);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            CurveBand band = CurveBand.of(members);
            int rgb = Integer.parseInt(colours.get(i).substring(1), 16);
            curves.add(
                    new LineFigure.Curve(groups.get(i).label(), band.steps(), band.mean(), rgb, LineFigure.Style.LINE));
            if (members.size() > 1) {
                curves.add(new LineFigure.Curve(null, band.steps(), band.upper(), rgb, LineFigure.Style.DASHED));
                curves.add(new LineFigure.Curve(null, band.steps(), band.lower(), rgb, LineFigure.Style.DASHED));
            }
            for (double v : band.mean()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (curves.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "none of the runs recorded " + series);
        }
        String label = SeriesLabels.label(kinds.find(found.get(0).kind()), series);
        boolean logScale = Boolean.TRUE.equals(log);
        List<Section> sections =
                kinds.find(found.get(0).kind()).map(ExperimentKind::sections).orElse(List.of());
        LineFigure.Axes axes =
                LineFigure.Axes.steps(label, logScale, logScale ? null : AxisRange.fixed(sections, series, min, max));
        String title = label + " · " + found.size() + " runs compared";
        return ExportController.figure(
                new Figure(title, axes, curves), svg, "factlab-compare-" + series.replace('/', '-'));
    }
}
