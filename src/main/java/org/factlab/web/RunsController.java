package org.factlab.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.factlab.access.RunPermissions;
import org.factlab.access.Share;
import org.factlab.access.ShareService;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Launch, list, read, cancel and share runs. */
@RestController
class RunsController {

    /** Body of {@code POST /api/runs}; preset, spec and name are optional. */
    record LaunchRequest(String kind, String preset, Map<String, Object> spec, String name) {}

    record Launched(String id, String url) {}

    private final RunService service;
    private final RunPermissions permissions;
    private final ShareService shares;

    RunsController(RunService service, RunPermissions permissions, ShareService shares) {
        this.service = service;
        this.permissions = permissions;
        this.shares = shares;
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

    /** Filtered by the query parameters of {@link org.factlab.runs.RunFilter}; an unknown key answers 400. */
    @GetMapping("/api/runs")
    List<RunJson> list(@RequestParam MultiValueMap<String, String> filter) {
        return service.list(service.filter(filter)).stream().map(RunJson::of).toList();
    }

    @GetMapping("/api/runs/{id}")
    RunJson get(@PathVariable String id) {
        return RunJson.of(find(id));
    }

    @PostMapping("/api/runs/{id}/cancel")
    RunJson cancel(@PathVariable String id) {
        Run run = find(id);
        permissions.require(permissions.mayControl(run), "cancel run " + id + ": only its owner or an admin may");
        if (!service.cancel(id)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "run " + id + " has already ended as " + run.status());
        }
        return RunJson.of(find(id));
    }

    /** A new read-only link {@code /s/<token>} to the run, which works without an account until revoked. */
    @PostMapping("/api/runs/{id}/share")
    ResponseEntity<Map<String, String>> share(@PathVariable String id) {
        Run run = find(id);
        permissions.require(permissions.mayControl(run), "share run " + id + ": only its owner or an admin may");
        String url = shares.shareRun(run).url();
        return ResponseEntity.created(URI.create(url)).body(Map.of("url", url));
    }

    /** Revokes a link: from then on it answers 404, like a link that never existed. */
    @DeleteMapping("/api/shares/{token}")
    ResponseEntity<Void> revoke(@PathVariable String token) {
        Share share = shares.findActive(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such share link"));
        permissions.require(permissions.mayRevoke(share), "revoke this link: only its creator or an admin may");
        shares.revoke(share);
        return ResponseEntity.noContent().build();
    }

    private Run find(String id) {
        return service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
    }
}
