package org.factlab.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.NativeArithmeticUnavailableException;
import org.factlab.runs.QuotaExceededException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Maps failures of the REST API to {@code {"errors": [{"field", "message"}]}} bodies. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    /** The most errors one answer lists; a last entry counts the rest. */
    static final int MAX_ERRORS = 100;

    @ExceptionHandler(SpecValidationException.class)
    ResponseEntity<Map<String, List<FieldError>>> invalid(SpecValidationException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", capped(e.errors())));
    }

    /** The first {@link #MAX_ERRORS} errors and, when there are more, an entry saying how many were left out. */
    static List<FieldError> capped(List<FieldError> errors) {
        if (errors.size() <= MAX_ERRORS) {
            return errors;
        }
        List<FieldError> out = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        out.add(new FieldError(
                "",
                (errors.size() - MAX_ERRORS) + " more errors not listed (" + errors.size() + " in all; the first "
                        + MAX_ERRORS + " are above)"));
        return out;
    }

    /** A launch past the account's quota of queued and running runs. */
    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<Map<String, List<FieldError>>> quota(QuotaExceededException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(Map.of("errors", List.of(new FieldError("", e.getMessage()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, List<FieldError>>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                return ResponseEntity.badRequest()
                        .body(Map.of(
                                "errors",
                                List.of(new FieldError(
                                        fieldOf(e), "is not a field of this request; allowed: " + allowed(unknown)))));
            }
            if (t instanceof RequestSizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(Map.of("errors", List.of(new FieldError("body", tooLarge.getMessage()))));
            }
        }
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "errors",
                        List.of(new FieldError(
                                fieldOf(e), "is not a JSON object of the expected shape: " + rootMessage(e)))));
    }

    /** An ownership check of {@code access.RunPermissions} failed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, List<FieldError>>> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of("errors", List.of(new FieldError("", e.getMessage()))));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, List<FieldError>>> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return ResponseEntity.status(status)
                .body(Map.of(
                        "errors",
                        List.of(new FieldError("", e.getReason() == null ? status.getReasonPhrase() : e.getReason()))));
    }

    /** Spring MVC's own refusals (unsupported media type, missing parameter, …) with their status. */
    @ExceptionHandler({
        ErrorResponseException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpRequestMethodNotSupportedException.class,
        MissingServletRequestParameterException.class
    })
    ResponseEntity<Map<String, List<FieldError>>> refused(Exception e) {
        ErrorResponse r = (ErrorResponse) e;
        String detail = r.getBody().getDetail();
        return ResponseEntity.status(r.getStatusCode())
                .headers(r.getHeaders())
                .body(Map.of("errors", List.of(new FieldError("", detail == null ? e.getMessage() : detail))));
    }

    /** Native linear algebra failed its self-check: runs that need it are refused, with the reason and the remedy. */
    @ExceptionHandler(NativeArithmeticUnavailableException.class)
    ResponseEntity<Map<String, List<FieldError>>> arithmeticUnavailable(NativeArithmeticUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("errors", List.of(new FieldError("kind", e.getMessage()))));
    }

    /** The database is down or unreachable: the server stays up and says so. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        RecoverableDataAccessException.class
    })
    ResponseEntity<Map<String, List<FieldError>>> databaseUnavailable(DataAccessException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of(
                        "errors",
                        List.of(new FieldError(
                                "", "the database is unavailable; try again later (" + rootMessage(e) + ")"))));
    }

    /** The JSON path of the value that could not be read (e.g. {@code name}), or {@code body}. */
    private static String fieldOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String path = m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                        .collect(Collectors.joining("."));
                return path.isEmpty() ? "body" : path;
            }
        }
        return "body";
    }

    private static String allowed(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? ""
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
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
