package org.factlab.web;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Managing runs: rename, notes and tags ({@code PATCH}), delete, relaunch. Editing and deleting are for the run's
 * owner or an admin (as cancel and share); relaunching for whoever may launch runs.
 */
@RestController
class RunEditsController extends EditsController {

    private static final Set<String> EDITABLE = Set.of("name", "notes", "tags");
    private static final Set<String> RELAUNCH_KEYS = Set.of("spec", "name");

    private final RunService service;

    RunEditsController(RunService service, RunPermissions permissions) {
        super(permissions);
        this.service = service;
    }

    /** {@code {"name", "notes", "tags"}}, each optional: sets those and answers the run. */
    @PatchMapping("/api/runs/{id}")
    RunJson edit(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Run run = find(id);
        permissions.require(permissions.mayControl(run), "edit run " + id + ": only its owner or an admin may");
        onlyKeys(body, EDITABLE);
        return RunJson.of(service.edit(id, text(body, "name"), notesOf(body), body.get("tags")));
    }

    /** Cancels the run if it has not ended, then deletes it with everything it recorded and its share links. */
    @DeleteMapping("/api/runs/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Run run = find(id);
        permissions.require(permissions.mayControl(run), "delete run " + id + ": only its owner or an admin may");
        service.delete(run);
        return ResponseEntity.noContent().build();
    }

    /** A new run with this run's kind, preset and spec, {@code spec} overriding fields; {@code 201} like a launch. */
    @PostMapping("/api/runs/{id}/relaunch")
    ResponseEntity<RunsController.Launched> relaunch(
            @PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Run run = find(id);
        permissions.require(permissions.mayLaunch(), "launch runs: a researcher or an admin may");
        Map<String, Object> request = body == null ? Map.of() : body;
        onlyKeys(request, RELAUNCH_KEYS);
        Object spec = request.get("spec");
        if (spec != null && !(spec instanceof Map)) {
            throw new SpecValidationException("spec", "is not a JSON object of field values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> overrides = (Map<String, Object>) spec;
        Run launched = service.relaunch(run, overrides, text(request, "name"));
        String url = "/runs/" + launched.id();
        return ResponseEntity.created(URI.create(url)).body(new RunsController.Launched(launched.id(), url));
    }

    /** The notes to set: absent leaves them, null or blank clears them. */
    private static String notesOf(Map<String, Object> body) {
        if (!body.containsKey("notes")) {
            return null;
        }
        String notes = text(body, "notes");
        return notes == null ? "" : notes;
    }

    private Run find(String id) {
        return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }
}
