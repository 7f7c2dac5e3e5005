package org.factlab.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.FactlabProperties;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.Run;
import org.factlab.runs.RunResumption;
import org.factlab.runs.RunService;
import org.factlab.runs.RunStatus;
import org.factlab.runs.UploadLibraries;
import org.factlab.uploads.Inbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a training loop sends to its run of a kind that {@link ExperimentKind#followsOutsideTraining() follows it} (the
 * owner or an admin; kept on disk before the answer):
 * {@code PUT /api/runs/{id}/checkpoints/{step}} (a safetensors body, at most {@code factlab.models.max-bytes}) → 201,
 * or 200 when that step was received before (the first body is kept); {@code POST /api/runs/{id}/scalars
 * {"step", "values": {name: number}}} → 202; {@code POST /api/runs/{id}/finish} → 202. A run that a lab restart or
 * its idle timeout interrupted is queued again by any of them; one that ended otherwise answers 409.
 */
@RestController
class FollowController {

    /** Body of {@code POST /api/runs/{id}/scalars}. */
    record Scalars(Long step, Map<String, Object> values) {}

    private static final long MAX_STEP = 1_000_000_000_000_000L;
    private static final int MAX_VALUES = 1000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./\\-]{1,100}");

    private final RunService runs;
    private final RunPermissions permissions;
    private final RunResumption resumption;
    private final Path datasetsDir;
    private final long maxBytes;
    private final KindRegistry kinds;

    FollowController(
            RunService runs,
            RunPermissions permissions,
            RunResumption resumption,
            FactlabProperties props,
            UploadLibraries libraries,
            KindRegistry kinds) {
        this.runs = runs;
        this.kinds = kinds;
        this.permissions = permissions;
        this.resumption = resumption;
        this.datasetsDir = props.datasetRoots().get(0);
        this.maxBytes = libraries.maxBytes();
    }

    @PutMapping("/api/runs/{id}/checkpoints/{step}")
    ResponseEntity<Map<String, Object>> checkpoint(
            @PathVariable String id, @PathVariable String step, HttpServletRequest request) throws IOException {
        Run run = followed(id);
        long s = step(step);
        Inbox inbox = Inbox.of(datasetsDir, id);
        if (inbox.has(s)) {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
            return ResponseEntity.ok(Map.of("step", s, "received", false));
        }
        Path staged;
        try {
            staged = inbox.stage(request.getInputStream(), maxBytes);
        } catch (Inbox.TooLarge e) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Map.of("errors", List.of(new FieldError("body", e.getMessage()))));
        }
        Optional<FieldError> problem = checkpointProblem(kinds.find(run.kind()).orElseThrow(), run, staged);
        if (problem.isPresent()) {
            Files.deleteIfExists(staged);
            throw new SpecValidationException(
                    problem.get().field(), problem.get().message());
        }
        boolean received = inbox.commit(staged, s);
        resumeIfInterrupted(run);
        return ResponseEntity.status(received ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("step", s, "received", received));
    }

    @PostMapping("/api/runs/{id}/scalars")
    ResponseEntity<Map<String, Object>> scalars(@PathVariable String id, @RequestBody Scalars body) throws IOException {
        Run run = followed(id);
        if (body.step() == null || body.step() < 0 || body.step() > MAX_STEP) {
            throw new SpecValidationException(
                    "step", body.step() + " is not a step; allowed: integer in [0, " + MAX_STEP + "]");
        }
        if (body.values() == null || body.values().isEmpty() || body.values().size() > MAX_VALUES) {
            throw new SpecValidationException("values", "allowed: an object of 1–" + MAX_VALUES + " names and numbers");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        body.values().forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new SpecValidationException(
                        "values", "'" + name + "' is not a series name; allowed: 1–100 " + "letters, digits, _ . / -");
            }
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new SpecValidationException("values." + name, value + " is not a finite number");
            }
            values.put(name, n.doubleValue());
        });
        Inbox.of(datasetsDir, id).appendScalars(body.step(), values);
        resumeIfInterrupted(run);
        return ResponseEntity.accepted().body(Map.of("step", body.step(), "values", values.size()));
    }

    @PostMapping("/api/runs/{id}/finish")
    ResponseEntity<Map<String, Object>> finish(@PathVariable String id) throws IOException {
        Run run = followed(id);
        Inbox.of(datasetsDir, id).finish();
        resumeIfInterrupted(run);
        return ResponseEntity.accepted().body(Map.of("id", id, "url", "/runs/" + id));
    }

    /** The follow run {@code id} that the caller may feed and that has not ended (or was interrupted). */
    private Run followed(String id) {
        Run run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
        if (!kinds.find(run.kind()).map(ExperimentKind::followsOutsideTraining).orElse(false)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "run " + id + " is a " + run.kind() + " run; checkpoints, scalars and finish go to runs that "
                            + "follow a training elsewhere (follow runs)");
        }
        permissions.require(permissions.mayControl(run), "feed run " + id + ": only its owner or an admin may");
        if (run.status().isTerminal() && run.status() != RunStatus.INTERRUPTED) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "run " + id + " has already ended as " + run.status());
        }
        return run;
    }

    private void resumeIfInterrupted(Run run) {
        if (run.status() == RunStatus.INTERRUPTED) {
            resumption.resume(run.id());
        }
    }

    private <S extends Record> Optional<FieldError> checkpointProblem(ExperimentKind<S> kind, Run run, Path staged)
            throws IOException {
        return kind.checkpointProblem(SpecCodec.bind(kind, run.spec(), null), staged, datasetsDir);
    }

    private static long step(String text) {
        try {
            long s = Long.parseLong(text);
            if (s >= 0 && s <= MAX_STEP) {
                return s;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new SpecValidationException(
                "step", "'" + text + "' is not a step; allowed: integer in [0, " + MAX_STEP + "]");
    }
}
