package org.factlab.web;

import java.util.List;
import java.util.Optional;
import org.factlab.access.ShareService;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.compare.FieldText;
import org.factlab.studies.StudyPlotData;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.factlab.web.figures.Figure;
import org.factlab.web.figures.StudyPlotFigure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A study's plot as a figure for a paper ({@link StudyPlotFigure}): {@code GET
 * /api/studies/{id}/plot.svg?value=<summary key>&field=<swept field>} and {@code plot.png} (2×), one summary value
 * against one swept field with mean ± std error bars, as on the study page; {@code field} defaults to the first swept
 * field. The same under a share link, {@code /s/{token}/plot.svg}.
 */
@RestController
class StudyFiguresController {

    private final StudyService studies;
    private final KindRegistry kinds;
    private final ShareService shares;

    StudyFiguresController(StudyService studies, KindRegistry kinds, ShareService shares) {
        this.studies = studies;
        this.kinds = kinds;
        this.shares = shares;
    }

    @GetMapping("/api/studies/{id}/{file:plot\\.(?:svg|png)}")
    ResponseEntity<?> plot(
            @PathVariable String id,
            @PathVariable String file,
            @RequestParam String value,
            @RequestParam(required = false) String field) {
        StudyRuns study =
                studies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
        return plot(study, file.endsWith(".svg"), value, field);
    }

    @GetMapping("/s/{token}/{file:plot\\.(?:svg|png)}")
    ResponseEntity<?> sharedPlot(
            @PathVariable String token,
            @PathVariable String file,
            @RequestParam String value,
            @RequestParam(required = false) String field) {
        StudyRuns study = shares.sharedStudy(token).orElseThrow(ExportController::notShared);
        return plot(study, file.endsWith(".svg"), value, field);
    }

    private ResponseEntity<?> plot(StudyRuns study, boolean svg, String value, String field) {
        var table = study.table();
        if (table.axes().isEmpty()) {
            throw new SpecValidationException(
                    "field", "this study sweeps no field, so there is nothing to plot against");
        }
        String x = field == null || field.isBlank() ? table.axes().get(0) : field.strip();
        table.requireAxis("field", x);
        if (!table.keys().contains(value)) {
            throw new SpecValidationException(
                    "value",
                    "'" + value + "' is not a summary value of this study's runs; " + "allowed: "
                            + String.join(", ", table.keys()));
        }
        Optional<? extends ExperimentKind<?>> kind = kinds.find(study.study().kind());
        String yName = SeriesLabels.label(kind, value);
        String xName = FieldText.name(x);
        Figure figure = StudyPlotFigure.of(
                StudyPlotData.of(
                        table, x, value, kind.map(ExperimentKind::sections).orElse(List.of())),
                yName + " against " + xName + " · study " + study.study().id(),
                xName,
                yName);
        return ExportController.figure(
                figure,
                svg,
                ("factlab-study-" + study.study().id() + "-" + value + "-vs-" + x).replaceAll("[^A-Za-z0-9_-]", "_"));
    }
}
