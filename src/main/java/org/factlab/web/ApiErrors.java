package org.factlab.web;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Maps failures of the REST API to {@code {"errors": [{"field", "message"}]}} bodies. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(SpecValidationException.class)
    ResponseEntity<Map<String, List<FieldError>>> invalid(SpecValidationException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, List<FieldError>>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("errors",
                List.of(new FieldError("body", "is not a JSON object of the expected shape: " + rootMessage(e)))));
    }

    /** An ownership check of {@code access.RunPermissions} failed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, List<FieldError>>> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("errors", List.of(new FieldError("", e.getMessage()))));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, List<FieldError>>> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return ResponseEntity.status(status).body(Map.of("errors",
                List.of(new FieldError("", e.getReason() == null ? status.getReasonPhrase() : e.getReason()))));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
