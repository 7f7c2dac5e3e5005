package org.factlab.experiments;

/** One invalid spec field and a message naming its allowed range. */
public record FieldError(String field, String message) {}
