package org.factlab.web;

import java.util.Map;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Renaming a study, editing its notes, and deleting it with its runs: for its owner or an admin. */
@RestController
class StudyEditsController extends EditsController {

    private static final Set<String> EDITABLE = Set.of("name", "notes");

    private final StudyService service;

    StudyEditsController(StudyService service, RunPermissions permissions) {
        super(permissions);
        this.service = service;
    }

    /** {@code {"name", "notes"}}, each optional: sets those and answers the study. */
    @PatchMapping("/api/studies/{id}")
    StudyJson edit(@PathVariable String id, @RequestBody Map<String, Object> body) {
        StudyRuns study = find(id);
        permissions.require(
                permissions.mayControl(study.study()), "edit study " + id + ": only its owner or an admin may");
        onlyKeys(body, EDITABLE);
        String name = text(body, "name");
        String notes = text(body, "notes");
        if (name != null) {
            service.rename(id, name);
        }
        if (body.containsKey("notes")) {
            service.updateNotes(id, notes);
        }
        return StudyJson.of(find(id));
    }

    /** Deletes the study and every run of it (cancelled first), with their share links. */
    @DeleteMapping("/api/studies/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        StudyRuns study = find(id);
        permissions.require(
                permissions.mayControl(study.study()), "delete study " + id + ": only its owner or an admin may");
        service.delete(study);
        return ResponseEntity.noContent().build();
    }

    private StudyRuns find(String id) {
        return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
    }
}
