package org.factlab.runs;

/** A launch that would take an account past {@code factlab.quota.runs}; the API answers 429. */
public final class QuotaExceededException extends RuntimeException {

    public QuotaExceededException(String message) {
        super(message);
    }
}
