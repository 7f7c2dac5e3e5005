package org.factlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factlab.access.ShareService;
import org.factlab.experiments.sections.ResultsTable;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MetricPoint;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/runs/{id}/tabular.csv}: the results table a run's kind declares ({@link ResultsTableSection}; the
 * tabular kind's), one row per dataset (rows, features,
 * classes as used, majority-class accuracy, seconds, the test accuracy of each method, the best method(s), the
 * chosen reg and iterations per fold separated by {@code ;}, failure reasons), then a row {@code mean} over the
 * datasets where every method succeeded.
 */
@RestController
class TabularController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final List<String> INFO = List.of(
            ResultsTableSection.ROWS,
            ResultsTableSection.FEATURES,
            ResultsTableSection.CLASSES,
            ResultsTableSection.MAJORITY_ACCURACY,
            ResultsTableSection.SECONDS);

    private final RunService runs;
    private final MetricRepository metrics;
    private final ShareService shares;
    private final KindRegistry kinds;

    TabularController(RunService runs, MetricRepository metrics, ShareService shares, KindRegistry kinds) {
        this.runs = runs;
        this.metrics = metrics;
        this.shares = shares;
        this.kinds = kinds;
    }

    @GetMapping("/api/runs/{id}/tabular.csv")
    ResponseEntity<String> tabularCsv(@PathVariable String id) {
        return tabularCsv(
                runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id)));
    }

    /** The same table for the run behind a share link, without an account. */
    @GetMapping("/s/{token}/tabular.csv")
    ResponseEntity<String> sharedTabularCsv(@PathVariable String token) {
        return tabularCsv(shares.sharedRun(token).orElseThrow(ExportController::notShared));
    }

    private ResponseEntity<String> tabularCsv(Run run) {
        String id = run.id();
        ResultsTableSection section = kinds.sections(run.kind(), ResultsTableSection.class).stream()
                .findFirst()
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " has no tabular results"));
        Map<String, TreeMap<Long, Double>> series = MetricPoint.bySeries(metrics.points(run.id()));
        ResultsTable results = ResultsTable.of(
                section, series, run.summary() == null ? Map.of() : run.summary(), runs.notes(run.id()));
        List<String> methods = results.methods();
        List<Object> header = new ArrayList<>(List.of("dataset"));
        INFO.forEach(k -> header.add(k.replace("/", "")));
        header.addAll(methods);
        header.add("best");
        methods.forEach(m -> header.add(m + "_reg"));
        methods.forEach(m -> header.add(m + "_iterations"));
        header.add("failure");
        Csv csv = new Csv().row(header);
        for (ResultsTable.Row r : results.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.dataset()));
            INFO.forEach(k -> row.add(r.info(k)));
            methods.forEach(m -> row.add(r.cells().get(m).accuracy()));
            row.add(String.join(" ", r.best()));
            methods.forEach(m -> row.add(joined(r.cells().get(m).regs())));
            methods.forEach(m -> row.add(joined(r.cells().get(m).iterations())));
            row.add(failures(r));
            csv.row(row);
        }
        List<Object> mean = new ArrayList<>(List.of("mean"));
        INFO.forEach(k -> mean.add(null));
        methods.forEach(m -> mean.add(results.means().get(m)));
        mean.add("over " + results.compared().size() + " datasets where every method succeeded");
        while (mean.size() < header.size()) {
            mean.add(null);
        }
        csv.row(mean);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"factlab-" + run.id() + "-tabular.csv\"")
                .body(csv.toString());
    }

    private static String joined(List<Double> values) {
        return values.stream().map(Csv::number).collect(Collectors.joining(";"));
    }

    private static String failures(ResultsTable.Row r) {
        if (r.failure() != null) {
            return r.failure();
        }
        return r.cells().entrySet().stream()
                .filter(e -> e.getValue().failed())
                .map(e -> e.getKey() + ": " + e.getValue().reason())
                .collect(Collectors.joining("; "));
    }
}
