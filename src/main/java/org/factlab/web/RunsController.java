package org.factlab.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Launch, list, read and cancel runs. */
@RestController
class RunsController {

    /** Body of {@code POST /api/runs}; preset, spec and name are optional. */
    record LaunchRequest(String kind, String preset, Map<String, Object> spec, String name) {
    }

    record Launched(String id, String url) {
    }

    private final RunService service;

    RunsController(RunService service) {
        this.service = service;
    }

    @PostMapping("/api/runs")
    ResponseEntity<Launched> launch(@RequestBody LaunchRequest request) {
        if (request.kind() == null || request.kind().isBlank()) {
            throw new SpecValidationException("kind", "is required");
        }
        Run run = service.submit(request.kind(), request.preset(), request.spec(), request.name());
        String url = "/runs/" + run.id();
        return ResponseEntity.created(URI.create(url)).body(new Launched(run.id(), url));
    }

    @GetMapping("/api/runs")
    List<RunJson> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status) {
        return service.list(blankToNull(kind), parseStatus(status)).stream().map(RunJson::of).toList();
    }

    @GetMapping("/api/runs/{id}")
    RunJson get(@PathVariable String id) {
        return RunJson.of(find(id));
    }

    @PostMapping("/api/runs/{id}/cancel")
    RunJson cancel(@PathVariable String id) {
        Run run = find(id);
        if (!service.cancel(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "run " + id + " has already ended as " + run.status());
        }
        return RunJson.of(find(id));
    }

    private Run find(String id) {
        return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }

    static RunStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RunStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpecValidationException("status", "'" + status + "' is not a run status; allowed: "
                    + java.util.Arrays.toString(RunStatus.values()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
