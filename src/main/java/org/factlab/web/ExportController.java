package org.factlab.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.access.ShareService;
import org.factlab.experiments.paper.PaperNotation;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.web.figures.Figure;
import org.factlab.web.figures.MatrixFigure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * CSV, PNG and SVG downloads of runs, their metrics and their matrix snapshots; the same downloads of a shared run
 * under its link {@code /s/{token}/…}, without an account (an unknown or revoked token answers 404).
 */
@RestController
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType SVG = new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8);

    private final RunService runs;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final ShareService shares;

    ExportController(RunService runs, MetricRepository metrics, MatrixRepository matrices, ShareService shares) {
        this.runs = runs;
        this.metrics = metrics;
        this.matrices = matrices;
        this.shares = shares;
    }

    /** {@code series,step,value}, one row per recorded point. */
    @GetMapping("/api/runs/{id}/metrics.csv")
    ResponseEntity<String> metricsCsv(@PathVariable String id) {
        return metricsCsv(find(id));
    }

    @GetMapping("/s/{token}/metrics.csv")
    ResponseEntity<String> sharedMetricsCsv(@PathVariable String token) {
        return metricsCsv(shared(token));
    }

    private ResponseEntity<String> metricsCsv(Run run) {
        Csv csv = new Csv().row(List.of("series", "step", "value"));
        metrics.points(run.id()).forEach(p -> csv.row(List.of(p.series(), p.step(), p.value())));
        return download(csv.toString(), CSV, "factlab-" + run.id() + "-metrics.csv");
    }

    /**
     * One row per run that passes the filter of {@code GET /api/runs}: id, name, kind, status, created, the spec
     * fields, the summary values (a summary key that equals a spec field's name is written {@code summary.<key>}).
     */
    @GetMapping("/api/runs.csv")
    ResponseEntity<String> runsCsv(@RequestParam MultiValueMap<String, String> filter) {
        List<Run> all = runs.list(runs.filter(filter));
        Set<String> specKeys = new LinkedHashSet<>();
        Set<String> summaryKeys = new LinkedHashSet<>();
        for (Run r : all) {
            specKeys.addAll(r.spec().keySet());
            if (r.summary() != null) {
                summaryKeys.addAll(new java.util.TreeSet<>(r.summary().keySet()));
            }
        }
        List<Object> header = new ArrayList<>(List.of("id", "name", "kind", "status", "created"));
        header.addAll(specKeys);
        summaryKeys.forEach(k -> header.add(specKeys.contains(k) ? "summary." + k : k));
        Csv csv = new Csv().row(header);
        for (Run r : all) {
            List<Object> row = new ArrayList<>(List.of(
                    r.id(), r.name(), r.kind(), r.status().name(), r.createdAt().toString()));
            specKeys.forEach(k -> row.add(r.spec().get(k)));
            Map<String, Double> summary = r.summary() == null ? Map.of() : r.summary();
            summaryKeys.forEach(k -> row.add(summary.get(k)));
            csv.row(row);
        }
        return download(csv.toString(), CSV, "factlab-runs.csv");
    }

    @GetMapping("/api/runs/{id}/matrices")
    List<MatrixSnapshot.Info> matrices(@PathVariable String id) {
        return matrices.list(find(id).id());
    }

    /**
     * One matrix at {@code step} (latest when omitted): {@code <name>.csv} (one CSV row per matrix row) or
     * {@code <name>.png}. Names may contain slashes ({@code layer1/WtW}), hence the catch-all path.
     */
    @GetMapping("/api/runs/{id}/matrices/{*file}")
    ResponseEntity<?> matrix(
            @PathVariable String id, @PathVariable String file, @RequestParam(required = false) Long step) {
        return matrix(find(id), file, step);
    }

    @GetMapping("/s/{token}/matrices/{*file}")
    ResponseEntity<?> sharedMatrix(
            @PathVariable String token, @PathVariable String file, @RequestParam(required = false) Long step) {
        return matrix(shared(token), file, step);
    }

    private ResponseEntity<?> matrix(Run run, String file, Long step) {
        String path = file.startsWith("/") ? file.substring(1) : file;
        if (path.endsWith(".csv")) {
            return matrixCsv(run, path.substring(0, path.length() - 4), step);
        }
        if (path.endsWith(".png")) {
            return matrixPng(run, path.substring(0, path.length() - 4), step);
        }
        if (path.endsWith(".svg")) {
            return matrixSvg(run, path.substring(0, path.length() - 4), step);
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "matrix downloads end in .csv, .png or .svg: " + path);
    }

    private ResponseEntity<String> matrixCsv(Run run, String name, Long step) {
        MatrixSnapshot m = snapshot(run, name, step);
        Csv csv = new Csv();
        for (int r = 0; r < m.rows(); r++) {
            List<Object> row = new ArrayList<>(m.cols());
            for (int c = 0; c < m.cols(); c++) {
                row.add((double) m.data()[r * m.cols() + c]);
            }
            csv.row(row);
        }
        return download(
                csv.toString(),
                CSV,
                "factlab-" + run.id() + "-" + name.replace('/', '-') + "-step" + m.step() + ".csv");
    }

    /**
     * The matrix as a figure at 2× resolution (axes, the page's colour scale, a colour bar with values); the value
     * range is in the headers {@code X-Value-Min} and {@code X-Value-Max}.
     */
    private ResponseEntity<byte[]> matrixPng(Run run, String name, Long step) {
        MatrixSnapshot m = snapshot(run, name, step);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header("X-Value-Min", Float.toString(m.min()))
                .header("X-Value-Max", Float.toString(m.max()))
                .header("X-Step", Long.toString(m.step()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + matrixFile(run, m, "png") + "\"")
                .body(MatrixFigure.png(matrixTitle(run, m), m.rows(), m.cols(), m.data()));
    }

    /** The same figure as an SVG document. */
    private ResponseEntity<String> matrixSvg(Run run, String name, Long step) {
        MatrixSnapshot m = snapshot(run, name, step);
        return download(
                MatrixFigure.svg(matrixTitle(run, m), m.rows(), m.cols(), m.data()), SVG, matrixFile(run, m, "svg"));
    }

    private static String matrixTitle(Run run, MatrixSnapshot m) {
        return PaperNotation.matrix(m.name()) + " · run " + run.id() + " · step " + m.step();
    }

    private static String matrixFile(Run run, MatrixSnapshot m, String extension) {
        return "factlab-" + run.id() + "-" + m.name().replace('/', '-') + "-step" + m.step() + "." + extension;
    }

    private MatrixSnapshot snapshot(Run run, String name, Long step) {
        return matrices.find(run.id(), name, step)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "the run has no matrix " + name + (step == null ? "" : " at step " + step)));
    }

    /** The run behind an active share link; one answer for unknown and revoked tokens alike. */
    private Run shared(String token) {
        return shares.sharedRun(token).orElseThrow(ExportController::notShared);
    }

    /** The one answer to a download under an unknown or revoked share link, whatever it would have opened. */
    static ResponseStatusException notShared() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "not found");
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }

    /** A figure as an SVG or 2× PNG attachment named {@code baseName} + ".svg" or ".png". */
    static ResponseEntity<?> figure(Figure figure, boolean svg, String baseName) {
        return svg
                ? download(figure.svg(), SVG, baseName + ".svg")
                : download(figure.png(), MediaType.IMAGE_PNG, baseName + ".png");
    }

    static <T> ResponseEntity<T> download(T body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
