package org.factlab.experiments;

import java.util.List;
import java.util.stream.Collectors;

/** A spec was rejected; {@link #errors()} names every bad field. */
public class SpecValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public SpecValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public SpecValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
