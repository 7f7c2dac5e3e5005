package org.factlab.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.factlab.access.RunPermissions;
import org.factlab.access.ShareService;
import org.factlab.experiments.sweep.StudyPreset;
import org.factlab.experiments.sweep.StudyPresets;
import org.factlab.experiments.sweep.StudyTable;
import org.factlab.experiments.sweep.TableGrid;
import org.factlab.runs.KindRegistry;
import org.factlab.studies.StudyRequest;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Launch, list, read, cancel and share studies; their results table as CSV, also under a study's share link
 * {@code /s/{token}/table.csv} without an account; the study presets.
 */
@RestController
class StudiesController {

    record Launched(String id, String url, int runs) {}

    /** A study preset as the API shows it: its fields, then whether this lab can launch it and why not. */
    record StudyPresetJson(@JsonUnwrapped StudyPreset preset, boolean available, String unavailableReason) {}

    private final StudyService service;
    private final KindRegistry kinds;
    private final ShareService shares;
    private final RunPermissions permissions;

    StudiesController(StudyService service, KindRegistry kinds, ShareService shares, RunPermissions permissions) {
        this.service = service;
        this.kinds = kinds;
        this.shares = shares;
        this.permissions = permissions;
    }

    @PostMapping("/api/studies")
    ResponseEntity<Launched> launch(@RequestBody StudyRequest request) {
        StudyRuns study = service.create(request);
        String url = "/studies/" + study.study().id();
        return ResponseEntity.created(URI.create(url))
                .body(new Launched(study.study().id(), url, study.total()));
    }

    @GetMapping("/api/studies")
    List<StudyJson> list() {
        return service.list().stream().map(StudyJson::of).toList();
    }

    @GetMapping("/api/studies/{id}")
    StudyJson get(@PathVariable String id) {
        return StudyJson.of(find(id));
    }

    @PostMapping("/api/studies/{id}/cancel")
    StudyJson cancel(@PathVariable String id) {
        StudyRuns study = find(id);
        permissions.require(
                permissions.mayControl(study.study()), "cancel study " + id + ": only its owner or an admin may");
        if (!service.cancel(id)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "study " + id + " has already ended as " + study.status());
        }
        return StudyJson.of(find(id));
    }

    /**
     * A new read-only link {@code /s/<token>} to the study (page and table CSV), which works without an account until
     * revoked through {@code DELETE /api/shares/{token}}. Only the study's owner or an admin may share it.
     */
    @PostMapping("/api/studies/{id}/share")
    ResponseEntity<Map<String, String>> share(@PathVariable String id) {
        StudyRuns study = find(id);
        permissions.require(
                permissions.mayControl(study.study()), "share study " + id + ": only its owner or an admin may");
        String url = shares.shareStudy(study).url();
        return ResponseEntity.created(URI.create(url)).body(Map.of("url", url));
    }

    /**
     * One row per setting: the swept fields, then for each summary value {@code <key>.mean}, {@code .std},
     * {@code .n} over the setting's succeeded runs (and {@code .paper} for a paper preset). {@code pivot=<field>}
     * and {@code keys=a,b} give the layout the study page shows.
     */
    @GetMapping("/api/studies/{id}/table.csv")
    ResponseEntity<String> table(
            @PathVariable String id,
            @RequestParam(required = false) String pivot,
            @RequestParam(required = false) String keys) {
        return table(find(id), pivot, keys);
    }

    /** The table CSV of a shared study, as {@link #table(String, String, String)}; 404 as for a shared run. */
    @GetMapping("/s/{token}/table.csv")
    ResponseEntity<String> sharedTable(
            @PathVariable String token,
            @RequestParam(required = false) String pivot,
            @RequestParam(required = false) String keys) {
        return table(shares.sharedStudy(token).orElseThrow(ExportController::notShared), pivot, keys);
    }

    private ResponseEntity<String> table(StudyRuns study, String pivot, String keys) {
        String id = study.study().id();
        StudyTable table = study.table();
        String field = pivot == null || pivot.isBlank() ? null : pivot.strip();
        List<String> chosen = keys == null || keys.isBlank()
                ? List.of()
                : Arrays.stream(keys.split(","))
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .toList();
        TableGrid grid = table.layout(field, chosen);
        Csv csv = new Csv().row(grid.header());
        grid.rows().forEach(csv::row);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"factlab-study-" + id + "-table.csv\"")
                .body(csv.toString());
    }

    @GetMapping("/api/study-presets")
    List<StudyPresetJson> presets() {
        List<String> installed = kinds.all().stream().map(k -> k.id()).toList();
        return StudyPresets.all().stream().map(p -> json(p, installed)).toList();
    }

    private static StudyPresetJson json(StudyPreset p, List<String> installed) {
        String reason = p.unavailableReason(installed).orElse(null);
        return new StudyPresetJson(p, reason == null, reason);
    }

    private StudyRuns find(String id) {
        return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
    }
}
