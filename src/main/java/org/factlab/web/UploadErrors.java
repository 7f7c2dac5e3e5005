package org.factlab.web;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.FieldError;
import org.factlab.runs.RequestLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart bodies that cannot be parsed: a file part over {@code factlab.models.max-bytes} (a chunked upload, whose
 * size was not declared) is answered 413, any other broken multipart body 400. Not restricted to this package's
 * controllers: the multipart body is parsed before a controller is chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    private final long maxBytes;

    UploadErrors(RequestLimits limits) {
        this.maxBytes = limits.models().maxBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, List<FieldError>>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Map.of(
                        "errors",
                        List.of(new FieldError(
                                "file",
                                "the file is too large; allowed: at most " + maxBytes
                                        + " bytes (factlab.models.max-bytes)"))));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, List<FieldError>>> broken(MultipartException e) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "errors",
                        List.of(new FieldError(
                                "file",
                                "the multipart body cannot be read: "
                                        + e.getMostSpecificCause().getMessage()))));
    }
}
